package no.tilpass.server.configuration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import no.tilpass.engine.completion.Completer;
import no.tilpass.engine.completion.Completion;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.explanation.Explainer;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.server.catalogue.CompiledModel;

/**
 * The engine for one compiled model version, shared by all its sessions. {@link Configurator} is not
 * thread-safe and expensive to start, so a few are pooled per model and a request borrows one, preferably
 * the one that served its session last (see {@link #withSessionConfigurator}); its answers are exact, so
 * which one answers does not matter. {@link Completer} and {@link Explainer} answers may depend on solver
 * history, so they are created per use. Analyses are computed on the decisions in model order and
 * memoised per decision set, so a state's values and price depend on the decisions alone and repeated
 * states (a new session, undo, reloads) cost nothing. At most one request per core solves at a time.
 */
final class EnginePool {
    private static final int MEMO_LIMIT = 512;
    /** Configurators per model: one per core (a new one is expensive, see {@link #withSessionConfigurator}). */
    private static final int CONFIGURATOR_LIMIT =
            Math.max(2, Runtime.getRuntime().availableProcessors());
    /**
     * Engine work is CPU-bound: at most this many requests solve at once (the others queue), so that
     * many concurrent sessions do not thrash the cores or build an engine instance each.
     */
    private static final Semaphore SOLVING =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    private final CompiledModel model;
    private final Map<String, Integer> optionIndex = new HashMap<>();
    private final Map<String, Analysis> memo = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Analysis> eldest) {
            return size() > MEMO_LIMIT;
        }
    };

    /** Domains of decision sets met only as "the decisions without one of them" (see {@link #available}). */
    private final Map<String, DomainResult.Consistent> reduced = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DomainResult.Consistent> eldest) {
            return size() > MEMO_LIMIT;
        }
    };

    private final List<Configurator> idle = new ArrayList<>();
    private final Map<Configurator, String> lastSession = new IdentityHashMap<>();
    private int created; // guarded by idle
    private final Map<String, CompletableFuture<Optional<Analysis>>> inFlight = new ConcurrentHashMap<>();

    EnginePool(CompiledModel model) {
        this.model = model;
        List<Option> options = model.model().space().options();
        for (int i = 0; i < options.size(); i++) {
            optionIndex.put(options.get(i).name(), i);
        }
    }

    CompiledModel model() {
        return model;
    }

    /**
     * The analysis of {@code decisions} (resolved already), or empty when they conflict. Concurrent
     * requests for the same decision set wait for one computation.
     */
    Optional<Analysis> analyse(String sessionId, List<Decision> decisions) {
        String key = key(decisions);
        Analysis memoised = memoised(key);
        if (memoised != null) {
            return Optional.of(memoised);
        }
        CompletableFuture<Optional<Analysis>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Analysis>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Analysis known = memoised(key);
            Optional<Analysis> result = known != null ? Optional.of(known) : compute(sessionId, decisions);
            if (known == null && result.isPresent()) {
                synchronized (memo) {
                    memo.put(key, result.get());
                }
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The memoised analysis of a key, or null. */
    private Analysis memoised(String key) {
        synchronized (memo) {
            return memo.get(key);
        }
    }

    private Optional<Analysis> compute(String sessionId, List<Decision> given) {
        List<Decision> decisions = canonical(given);
        Configurator.Step step = withSessionConfigurator(sessionId, c -> c.step(decisions));
        if (!(step.domains() instanceof DomainResult.Consistent consistent)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (step.completion().isPresent()) { // the decision diagram answered both in one pass
            int[] chosen = step.completion().get();
            List<Option> options = model.model().space().options();
            for (int o = 0; o < chosen.length; o++) {
                values.put(options.get(o).name(), options.get(o).values().get(chosen[o]));
            }
        } else {
            Completion completion = withCompleter(c -> c.complete(decisions));
            if (!(completion instanceof Completion.Complete complete)) {
                return Optional.empty();
            }
            for (Decision d : complete.configuration()) {
                values.put(d.option(), d.value());
            }
        }
        return Optional.of(new Analysis(consistent, available(sessionId, decisions, consistent), values));
    }

    /**
     * The values shown as available per option: an undecided option's valid domain, and for a decided
     * option its domain under the other decisions, so that the customer can change their mind without a
     * dead end and sees which values the other decisions exclude. One domains call per decided option
     * whose reduced decision set is not known yet (the one without the newest decision is usually the
     * previous state, memoised), all on one pooled configurator; none when the model's decision diagram
     * answered the alternatives with the domains.
     */
    private List<int[]> available(String sessionId, List<Decision> decisions, DomainResult.Consistent domains) {
        if (domains.alternativesKnown()) {
            return domains.alternatives(); // the decision diagram answered them in the same pass
        }
        List<int[]> available = new ArrayList<>(domains.validIndices());
        Map<Integer, List<Decision>> missing = new LinkedHashMap<>();
        for (int k = 0; k < decisions.size(); k++) {
            int option = optionIndex.get(decisions.get(k).option());
            List<Decision> others = new ArrayList<>(decisions);
            others.remove(k);
            DomainResult.Consistent known = knownDomains(key(others));
            if (known != null) {
                available.set(option, known.valid(option));
            } else {
                missing.put(option, List.copyOf(others));
            }
        }
        if (missing.isEmpty()) {
            return available;
        }
        Map<Integer, DomainResult> computed = withSessionConfigurator(sessionId, c -> {
            Map<Integer, DomainResult> out = new LinkedHashMap<>();
            missing.forEach((option, others) -> out.put(option, c.domains(others)));
            return out;
        });
        computed.forEach((option, result) -> {
            if (!(result instanceof DomainResult.Consistent consistent)) {
                throw new IllegalStateException("a subset of consistent decisions conflicts: " + missing.get(option));
            }
            synchronized (reduced) {
                reduced.put(key(missing.get(option)), consistent);
            }
            available.set(option, consistent.valid(option));
        });
        return available;
    }

    /** The memoised domains of a decision set, or null. */
    private DomainResult.Consistent knownDomains(String key) {
        Analysis a = memoised(key);
        if (a != null) {
            return a.domains();
        }
        synchronized (reduced) {
            return reduced.get(key);
        }
    }

    /**
     * Runs {@code work} on an idle configurator, preferring the one that served this session last: its
     * last domains make the session's next step cheap (monotone reuse). A new configurator's first answer
     * is expensive (it has no witnesses yet), so at most {@link #CONFIGURATOR_LIMIT} are ever created
     * per model and requests wait for an idle one.
     */
    <T> T withSessionConfigurator(String sessionId, Function<Configurator, T> work) {
        Configurator c = take(sessionId);
        if (c == null) {
            try {
                c = new Configurator(model.model().space());
            } catch (RuntimeException | Error e) {
                discard();
                throw e;
            }
        }
        SOLVING.acquireUninterruptibly();
        boolean healthy = false;
        try {
            T result = work.apply(c);
            healthy = true;
            return result;
        } finally {
            SOLVING.release();
            if (healthy) {
                release(c, sessionId);
            } else {
                discard();
            }
        }
    }

    /** An idle configurator (this session's last one if idle), or null when the caller may create one. */
    private Configurator take(String sessionId) {
        synchronized (idle) {
            while (true) {
                for (Iterator<Configurator> it = idle.iterator(); it.hasNext(); ) {
                    Configurator c = it.next();
                    if (sessionId.equals(lastSession.get(c))) {
                        it.remove();
                        return c;
                    }
                }
                if (!idle.isEmpty()) {
                    return idle.remove(0);
                }
                if (created < CONFIGURATOR_LIMIT) {
                    created++;
                    return null;
                }
                try {
                    idle.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a configurator", e);
                }
            }
        }
    }

    private void release(Configurator c, String sessionId) {
        synchronized (idle) {
            lastSession.put(c, sessionId);
            idle.add(c);
            idle.notifyAll();
        }
    }

    private void discard() {
        synchronized (idle) {
            created--;
            idle.notifyAll();
        }
    }

    /**
     * Runs {@code work} on a new completer. Completions that yield a default depend on the solver's
     * history (learnt clauses, saved phases), so a fresh instance per analysis keeps the state's values
     * and price a function of the decisions alone.
     */
    <T> T withCompleter(Function<Completer, T> work) {
        return solving(() -> work.apply(new Completer(model.model().space())));
    }

    /** Runs {@code work} on a new explainer, for the same reason as {@link #withCompleter}. */
    <T> T withExplainer(Function<Explainer, T> work) {
        return solving(() -> work.apply(new Explainer(model.model().space())));
    }

    private static <T> T solving(Supplier<T> work) {
        SOLVING.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            SOLVING.release();
        }
    }

    /** The decisions in model order of their options, so that the engine's answer depends on the set alone. */
    private List<Decision> canonical(List<Decision> decisions) {
        return decisions.stream()
                .sorted(Comparator.comparingInt(d -> optionIndex.getOrDefault(d.option(), -1)))
                .toList();
    }

    private static String key(List<Decision> decisions) {
        TreeSet<String> sorted = new TreeSet<>();
        for (Decision d : decisions) {
            sorted.add(d.option() + "\u0000" + d.value());
        }
        return String.join("\u0001", sorted);
    }
}
