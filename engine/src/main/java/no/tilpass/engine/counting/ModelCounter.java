package no.tilpass.engine.counting;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import no.tilpass.engine.diagram.DecisionDiagram;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Exact model counting (#SAT) of a {@link Cnf}: the number of assignments to variables {@code 1..n}
 * that satisfy every clause, optionally with some literals fixed true. Variables that appear in no clause
 * are free and double the count each. Since the engine's auxiliary variables are fully defined, this is
 * the number of valid configurations.
 *
 * <p>The static methods count once. An instance from {@link #of(Cnf)} keeps its cache of component
 * counts between calls, which pays off when one model is counted under many assumptions (analysis);
 * instances are safe to share between threads (calls are serialized).
 *
 * <p>The search runs on its own thread with a large stack, so callers need no stack settings. The
 * counter copies the clauses it needs and never modifies the {@link Cnf}.
 */
public final class ModelCounter {
    /** Default cache budget in ints of approximate heap use (keys, counts and entry objects): 96 MB. */
    static final long DEFAULT_CACHE_INTS = 24L << 20;

    private static final long STACK_BYTES = 512L << 20;

    private final ComponentCounter counter;
    private final long traceBudgetInts;

    private ModelCounter(ComponentCounter counter, long traceBudgetInts) {
        this.counter = counter;
        this.traceBudgetInts = traceBudgetInts;
    }

    /** A reusable counter for {@code cnf} with the default cache (about 100 MB at most). */
    public static ModelCounter of(Cnf cnf) {
        return new ModelCounter(new ComponentCounter(cnf, DEFAULT_CACHE_INTS), DEFAULT_CACHE_INTS);
    }

    /**
     * A reusable counter for {@code cnf} whose component cache holds about {@code cacheMegabytes} of
     * keys at most (least recently used entries are evicted; a smaller cache only costs time). The same
     * budget bounds the trace that {@link #countPerLiteral(int[], int[])} records.
     */
    public static ModelCounter of(Cnf cnf, int cacheMegabytes) {
        if (cacheMegabytes < 0) {
            throw new IllegalArgumentException("cacheMegabytes must be non-negative, was " + cacheMegabytes);
        }
        long ints = cacheMegabytes * (1L << 20) / 4;
        return new ModelCounter(new ComponentCounter(cnf, ints), ints);
    }

    /** How long spaces of booleans only are counted by components before their diagram is tried. */
    static final java.time.Duration COMPONENTS_FIRST = java.time.Duration.ofSeconds(2);

    /** The number of models of {@code cnf}. */
    public static BigInteger count(Cnf cnf) {
        return of(cnf).count(new int[0]);
    }

    /** The number of models of {@code cnf} in which every literal of {@code assumptions} is true. */
    public static BigInteger count(Cnf cnf, int[] assumptions) {
        return of(cnf).count(assumptions);
    }

    /**
     * The number of valid configurations of {@code space} with {@code assumptions} true: from the space's
     * {@link DecisionDiagram} when it has one (a pass over its nodes), else by component counting. Spaces of
     * booleans only (feature models) are counted by components first, for {@link #COMPONENTS_FIRST}: the
     * counter does all of {@code expected-counts.tsv} in milliseconds, while a diagram that does not
     * compile costs seconds to find out.
     */
    public static BigInteger count(SolutionSpace space, int[] assumptions) {
        if (!DecisionDiagram.productLike(space)) {
            CountResult quick = count(space.cnf(), assumptions, CountBudget.ofTime(COMPONENTS_FIRST));
            if (quick instanceof CountResult.Exact exact) {
                return exact.count();
            }
        }
        Optional<DecisionDiagram> diagram = DecisionDiagram.of(space);
        if (diagram.isPresent() && diagram.get().supports(assumptions)) {
            return diagram.get().count(assumptions);
        }
        return count(space.cnf(), assumptions);
    }

    /**
     * The number of models of {@code cnf} with {@code assumptions} true, or {@link CountResult.GaveUp}
     * when {@code budget} runs out first.
     */
    public static CountResult count(Cnf cnf, int[] assumptions, CountBudget budget) {
        return of(cnf).count(assumptions, budget);
    }

    /**
     * For each of {@code literals}, the number of models with {@code assumptions} and that literal true
     * (zero where the literal contradicts the assumptions).
     */
    public static BigInteger[] countPerLiteral(Cnf cnf, int[] assumptions, int[] literals) {
        return of(cnf).countPerLiteral(assumptions, literals);
    }

    /** The number of models with every literal of {@code assumptions} true. */
    public synchronized BigInteger count(int[] assumptions) {
        CountResult result = count(assumptions, CountBudget.unlimited());
        if (result instanceof CountResult.Exact exact) {
            return exact.count();
        }
        throw new IllegalStateException("an unlimited count gave up: " + result);
    }

    /** As {@link #count(int[])}, within {@code budget}. */
    public synchronized CountResult count(int[] assumptions, CountBudget budget) {
        int[] copy = assumptions.clone();
        long start = System.nanoTime();
        long deadline = deadline(start, budget.time());
        try {
            BigInteger n = onBigStack(() -> counter.count(copy, deadline, budget.maxDecisions()));
            return new CountResult.Exact(n);
        } catch (ComponentCounter.OutOfBudget e) {
            return new CountResult.GaveUp(e.reason, counter.decisions(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * For each of {@code literals}, the count with {@code assumptions} and that literal true (zero where
     * it contradicts them). One search records its trace and yields the counts of all literals at once;
     * where that trace would outgrow the cache budget, each literal is counted on its own (the second
     * polarity of a variable then being the total minus the first).
     */
    public synchronized BigInteger[] countPerLiteral(int[] assumptions, int[] literals) {
        List<CountResult> results = countPerLiteral(assumptions, literals, CountBudget.unlimited());
        BigInteger[] out = new BigInteger[results.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(results.get(i) instanceof CountResult.Exact exact)) {
                throw new IllegalStateException("an unlimited count gave up: " + results.get(i));
            }
            out[i] = exact.count();
        }
        return out;
    }

    /**
     * As {@link #countPerLiteral(int[], int[])}, within {@code budget} for the whole call: each literal's
     * result is exact, or {@link CountResult.GaveUp} for those not reached when the budget ran out.
     */
    public synchronized List<CountResult> countPerLiteral(int[] assumptions, int[] literals, CountBudget budget) {
        int[] given = assumptions.clone();
        int[] lits = literals.clone();
        for (int lit : lits) {
            if (lit == 0 || Math.abs(lit) > counter.variableCount()) {
                throw new IllegalArgumentException(
                        "literal " + lit + " is outside variables 1.." + counter.variableCount());
            }
        }
        long start = System.nanoTime();
        long deadline = deadline(start, budget.time());
        CountResult[] out = new CountResult[lits.length];
        long[] spent = {0};
        try {
            onBigStack(() -> {
                BigInteger[] all;
                try {
                    all = counter.countEveryLiteral(given, traceBudgetInts, deadline, budget.maxDecisions());
                } finally {
                    spent[0] += counter.decisions();
                }
                if (all != null) {
                    for (int i = 0; i < lits.length; i++) {
                        out[i] = new CountResult.Exact(all[lits[i] > 0 ? 2 * lits[i] : -2 * lits[i] + 1]);
                    }
                } else {
                    oneByOne(given, lits, out, deadline, budget.maxDecisions(), spent);
                }
                return out;
            });
        } catch (ComponentCounter.OutOfBudget e) {
            CountResult gaveUp =
                    new CountResult.GaveUp(e.reason, spent[0], Duration.ofNanos(System.nanoTime() - start));
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = gaveUp;
                }
            }
        }
        return List.of(out);
    }

    /** Counts each literal separately; the second polarity of a variable is the total minus the first. */
    private void oneByOne(int[] given, int[] lits, CountResult[] out, long deadline, long maxDecisions, long[] spent) {
        int[] base = Arrays.copyOf(given, given.length + 1);
        Map<Integer, BigInteger> known = new HashMap<>();
        BigInteger total = null;
        for (int i = 0; i < lits.length; i++) {
            int lit = lits[i];
            BigInteger count = known.get(lit);
            if (count == null && known.containsKey(-lit)) {
                if (total == null) {
                    total = limitedCount(given, deadline, maxDecisions, spent);
                }
                count = total.subtract(known.get(-lit));
            }
            if (count == null) {
                base[base.length - 1] = lit;
                count = limitedCount(base, deadline, maxDecisions, spent);
            }
            known.put(lit, count);
            out[i] = new CountResult.Exact(count);
        }
    }

    private BigInteger limitedCount(int[] assumptions, long deadline, long maxDecisions, long[] spent) {
        try {
            return counter.count(assumptions, deadline, Math.max(0, maxDecisions - spent[0]));
        } finally {
            spent[0] += counter.decisions();
        }
    }

    private static long deadline(long start, Duration time) {
        if (time.compareTo(Duration.ofDays(365L * 100)) > 0) {
            return Long.MAX_VALUE;
        }
        return start + time.toNanos();
    }

    /** Runs {@code work} on a fresh thread with a large stack and rethrows what it threw. */
    private static <T> T onBigStack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        result.set(work.get());
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "tilpass-model-counter",
                STACK_BYTES);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return result.get();
    }
}
