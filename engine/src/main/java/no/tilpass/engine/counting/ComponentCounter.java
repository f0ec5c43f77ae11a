package no.tilpass.engine.counting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Cnf;

/**
 * The counting engine: DPLL over a private copy of the clauses with two-watched-literal unit
 * propagation, connected-component decomposition at every node, and a bounded cache of component
 * counts. Not thread-safe; recursion depth is about twice the number of decisions on a path, so callers
 * run it on a thread with a large stack.
 *
 * <p>A component is identified by its (unassigned) variables and the ids of its clauses that have lost
 * at least one literal to a false assignment; clauses whose variables all lie in the component are
 * implied by the variable set. That pair fixes the residual formula, so cached counts stay valid across
 * different assumptions on the same clause set. Binary clauses never enter a key: with both variables
 * in the component they are unsatisfied, otherwise satisfied (or propagated).
 *
 * <p>Branching follows a static min-degree elimination order ({@link EliminationOrder}): the variable
 * of the component eliminated last goes first, which splits components early.
 *
 * <p>{@link #countEveryLiteral} records the search as a DAG of component nodes and branches and pushes
 * weights from the root down, giving every literal's count from one search.
 */
final class ComponentCounter {
    private final int variableCount;
    /** Clauses of length at least two, literals deduplicated; positions 0 and 1 are watched. */
    private final int[][] clauses;
    /** Literals of unit clauses of the input. */
    private final int[] units;
    /** The input holds an empty clause. */
    private final boolean hasEmptyClause;
    /** Per variable, the ids of the clauses of three or more literals that mention it. */
    private final int[][] occurrences;
    /** Per variable, the variables it shares a binary clause with (repeats possible). */
    private final int[][] binaryNeighbours;
    /** Per variable, its position in the elimination order: higher is branched on first. */
    private final int[] rank;
    /** All variables 1..n, the root's candidate set. */
    private final int[] allVariables;

    private final int[][] watches;
    private final int[] watchSize;

    /** Per variable: 0 unassigned, 1 true, -1 false. */
    private final byte[] value;

    private final int[] trail;
    private int trailSize;
    private int propagated;

    private final int[] variableStamp;
    private final int[] clauseStamp;
    private int stamp;

    /** Scratch for component search, reused and copied out. */
    private final int[] queue;

    private final int[] keyClauses;
    private final int[] componentOf;
    private final int[] sizes;
    private final int[] clauseStart;
    private final int[] clauseEnd;
    private final int[] branches;
    /** The free variables found by the latest {@link #decompose}. */
    private final int[] freeVariables;

    private final Cache cache;

    private long decisions;
    private long deadlineNanos = Long.MAX_VALUE;
    private long maxDecisions = Long.MAX_VALUE;

    ComponentCounter(Cnf cnf, long cacheBudgetInts) {
        this.variableCount = cnf.variableCount();
        int n = variableCount;
        List<int[]> kept = new ArrayList<>();
        List<Integer> unitList = new ArrayList<>();
        boolean empty = false;
        byte[] seen = new byte[n + 1];
        for (int[] clause : cnf.clauses()) {
            int[] lits = normalize(clause, seen, n);
            if (lits == null) {
                continue; // tautology
            }
            if (lits.length == 0) {
                empty = true;
            } else if (lits.length == 1) {
                unitList.add(lits[0]);
            } else {
                kept.add(lits);
            }
        }
        this.clauses = kept.toArray(new int[0][]);
        this.units = unitList.stream().mapToInt(Integer::intValue).toArray();
        this.hasEmptyClause = empty;

        int[] occCount = new int[n + 1];
        int[] binCount = new int[n + 1];
        for (int[] lits : clauses) {
            for (int lit : lits) {
                (lits.length == 2 ? binCount : occCount)[Math.abs(lit)]++;
            }
        }
        this.occurrences = new int[n + 1][];
        this.binaryNeighbours = new int[n + 1][];
        for (int v = 0; v <= n; v++) {
            occurrences[v] = new int[occCount[v]];
            binaryNeighbours[v] = new int[binCount[v]];
        }
        Arrays.fill(occCount, 0);
        Arrays.fill(binCount, 0);
        for (int c = 0; c < clauses.length; c++) {
            int[] lits = clauses[c];
            if (lits.length == 2) {
                int a = Math.abs(lits[0]);
                int b = Math.abs(lits[1]);
                binaryNeighbours[a][binCount[a]++] = b;
                binaryNeighbours[b][binCount[b]++] = a;
                continue;
            }
            for (int lit : lits) {
                int v = Math.abs(lit);
                occurrences[v][occCount[v]++] = c;
            }
        }
        this.allVariables = new int[n];
        for (int v = 1; v <= n; v++) {
            allVariables[v - 1] = v;
        }

        this.watches = new int[2 * n + 2][];
        this.watchSize = new int[2 * n + 2];
        for (int i = 0; i < watches.length; i++) {
            watches[i] = new int[4];
        }
        for (int c = 0; c < clauses.length; c++) {
            addWatch(clauses[c][0], c);
            addWatch(clauses[c][1], c);
        }

        this.value = new byte[n + 1];
        this.trail = new int[n + 1];
        this.variableStamp = new int[n + 1];
        this.clauseStamp = new int[clauses.length];
        this.queue = new int[n + 1];
        this.keyClauses = new int[clauses.length + 1];
        this.componentOf = new int[n + 1];
        this.sizes = new int[n + 1];
        this.clauseStart = new int[n + 1];
        this.clauseEnd = new int[n + 1];
        this.branches = new int[n + 1];
        this.freeVariables = new int[n + 1];
        this.cache = new Cache(cacheBudgetInts);
        this.rank = EliminationOrder.ranks(n, clauses);
    }

    /** Whether {@code v} should be branched on before {@code best}: later in the elimination order. */
    private boolean better(int v, int best) {
        return rank[v] > rank[best];
    }

    /** Deduplicated literals of {@code clause}, or null for a tautology. */
    private static int[] normalize(int[] clause, byte[] seen, int n) {
        int[] out = new int[clause.length];
        int size = 0;
        boolean tautology = false;
        for (int lit : clause) {
            int v = Math.abs(lit);
            if (lit == 0 || v > n) {
                throw new IllegalArgumentException("literal " + lit + " is outside variables 1.." + n);
            }
            byte sign = (byte) (lit > 0 ? 1 : -1);
            if (seen[v] == 0) {
                seen[v] = sign;
                out[size++] = lit;
            } else if (seen[v] != sign) {
                tautology = true;
            }
        }
        for (int i = 0; i < size; i++) {
            seen[Math.abs(out[i])] = 0;
        }
        for (int lit : clause) {
            seen[Math.abs(lit)] = 0;
        }
        return tautology ? null : Arrays.copyOf(out, size);
    }

    int variableCount() {
        return variableCount;
    }

    long decisions() {
        return decisions;
    }

    /** Thrown to unwind the search when the budget runs out; carries no stack trace. */
    static final class OutOfBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String reason;

        OutOfBudget(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Counts the models with every literal of {@code assumptions} true. Leaves no assignment behind,
     * also when the budget runs out ({@link OutOfBudget}).
     */
    BigInteger count(int[] assumptions, long deadline, long decisionLimit) {
        for (int lit : assumptions) {
            if (lit == 0 || Math.abs(lit) > variableCount) {
                throw new IllegalArgumentException("assumption " + lit + " is outside variables 1.." + variableCount);
            }
        }
        this.decisions = 0;
        if (hasEmptyClause) {
            return BigInteger.ZERO;
        }
        this.deadlineNanos = deadline;
        this.maxDecisions = decisionLimit;
        try {
            for (int lit : units) {
                if (!assume(lit)) {
                    return BigInteger.ZERO;
                }
            }
            for (int lit : assumptions) {
                if (!assume(lit)) {
                    return BigInteger.ZERO;
                }
            }
            if (!propagate()) {
                return BigInteger.ZERO;
            }
            return countChildren(allVariables, 0, allVariables.length);
        } finally {
            undo(0);
        }
    }

    /**
     * The number of models with {@code assumptions} and each literal true, indexed by literal ({@code
     * 2v} for {@code v}, {@code 2v + 1} for {@code -v}), from a single search that records its
     * decision-DNNF-like trace and then pushes weights from the root down to every literal. Returns null
     * when the trace would exceed {@code traceBudgetInts}; throws {@link OutOfBudget} like {@link
     * #count}.
     */
    BigInteger[] countEveryLiteral(int[] assumptions, long traceBudgetInts, long deadline, long decisionLimit) {
        for (int lit : assumptions) {
            if (lit == 0 || Math.abs(lit) > variableCount) {
                throw new IllegalArgumentException("assumption " + lit + " is outside variables 1.." + variableCount);
            }
        }
        BigInteger[] out = new BigInteger[2 * variableCount + 2];
        Arrays.fill(out, BigInteger.ZERO);
        this.decisions = 0;
        if (hasEmptyClause) {
            return out;
        }
        this.deadlineNanos = deadline;
        this.maxDecisions = decisionLimit;
        Trace trace = new Trace(traceBudgetInts);
        try {
            for (int lit : units) {
                if (!assume(lit)) {
                    return out;
                }
            }
            for (int lit : assumptions) {
                if (!assume(lit)) {
                    return out;
                }
            }
            if (!propagate()) {
                return out;
            }
            int[] fixed = Arrays.copyOf(trail, trailSize);
            TracedBranch root = tracedChildren(fixed, allVariables, 0, allVariables.length, trace);
            trace.pushDown(root, out);
            return out;
        } catch (Trace.TooLarge e) {
            return null;
        } finally {
            undo(0);
        }
    }

    /** Counts one decision and unwinds with {@link OutOfBudget} when the budget is spent. */
    private void countDecision() {
        decisions++;
        if ((decisions & 255) == 0 && deadlineNanos != Long.MAX_VALUE) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new OutOfBudget("time limit reached");
            }
        }
        if (decisions > maxDecisions) {
            throw new OutOfBudget("decision limit of " + maxDecisions + " reached");
        }
    }

    private int tracedComponent(int[] key, int var, Trace trace) {
        countDecision();
        int size = key[0];
        TracedBranch[] both = new TracedBranch[2];
        BigInteger total = BigInteger.ZERO;
        int mark = trailSize;
        for (int lit = var; ; lit = -var) {
            assign(lit);
            if (propagate()) {
                int[] fixed = Arrays.copyOfRange(trail, mark, trailSize);
                TracedBranch branch = tracedChildren(fixed, key, 1, 1 + size, trace);
                if (branch.count().signum() > 0) {
                    both[lit > 0 ? 0 : 1] = branch;
                    total = total.add(branch.count());
                }
            }
            undo(mark);
            if (lit < 0) {
                break;
            }
        }
        return trace.addNode(total, both);
    }

    private TracedBranch tracedChildren(int[] fixed, int[] vars, int from, int to, Trace trace) {
        List<Component> components = new ArrayList<>();
        int free = decompose(vars, from, to, components);
        int[] freeVars = Arrays.copyOf(freeVariables, free);
        int[] children = new int[components.size()];
        BigInteger product = BigInteger.ONE.shiftLeft(free);
        for (int i = 0; i < children.length; i++) {
            Component component = components.get(i);
            Cache.Key key = new Cache.Key(component.key());
            Integer id = trace.ids.get(key);
            if (id == null) {
                id = tracedComponent(component.key(), component.branch(), trace);
                trace.ids.put(key, id);
                trace.charge(key.ints.length + 16L);
            }
            children[i] = id;
            product = product.multiply(trace.count(id));
            if (product.signum() == 0) {
                return new TracedBranch(fixed, freeVars, new int[0], BigInteger.ZERO);
            }
        }
        trace.charge(fixed.length + free + children.length + 16L);
        return new TracedBranch(fixed, freeVars, children, product);
    }

    /**
     * One branch of a traced search: the literals it fixed (decision and propagation), its free
     * variables, its child components (trace node ids) and its count.
     */
    private record TracedBranch(int[] fixed, int[] free, int[] children, BigInteger count) {}

    /** The recorded search: component nodes numbered in completion order (children before parents). */
    private static final class Trace {
        private final long budgetInts;
        private long usedInts;
        final Map<Cache.Key, Integer> ids = new HashMap<>();
        private final List<BigInteger> counts = new ArrayList<>();
        private final List<TracedBranch[]> branchesOf = new ArrayList<>();

        static final class TooLarge extends RuntimeException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("trace too large", null, false, false);
            }
        }

        Trace(long budgetInts) {
            this.budgetInts = budgetInts;
        }

        void charge(long ints) {
            usedInts += ints;
            if (usedInts > budgetInts) {
                throw new TooLarge();
            }
        }

        int addNode(BigInteger count, TracedBranch[] branches) {
            counts.add(count);
            branchesOf.add(branches);
            return counts.size() - 1;
        }

        BigInteger count(int id) {
            return counts.get(id);
        }

        /**
         * Adds to {@code out} each literal's number of models: the weight of every node (the number of
         * completions outside it) flows from the root down, parents before children.
         */
        void pushDown(TracedBranch root, BigInteger[] out) {
            BigInteger[] weight = new BigInteger[counts.size()];
            apply(root, BigInteger.ONE, weight, out);
            for (int id = counts.size() - 1; id >= 0; id--) {
                if (weight[id] == null) {
                    continue;
                }
                for (TracedBranch branch : branchesOf.get(id)) {
                    if (branch != null) {
                        apply(branch, weight[id], weight, out);
                    }
                }
            }
        }

        private void apply(TracedBranch branch, BigInteger w, BigInteger[] weight, BigInteger[] out) {
            if (branch.count().signum() == 0) {
                return;
            }
            BigInteger models = w.multiply(branch.count());
            for (int lit : branch.fixed()) {
                int i = index(lit);
                out[i] = out[i].add(models);
            }
            if (branch.free().length > 0) {
                BigInteger half = models.shiftRight(1);
                for (int v : branch.free()) {
                    out[2 * v] = out[2 * v].add(half);
                    out[2 * v + 1] = out[2 * v + 1].add(half);
                }
            }
            for (int child : branch.children()) {
                BigInteger outside = w.multiply(branch.count().divide(counts.get(child)));
                weight[child] = weight[child] == null ? outside : weight[child].add(outside);
            }
        }
    }

    private boolean assume(int lit) {
        int v = value(lit);
        if (v > 0) {
            return true;
        }
        if (v < 0) {
            return false;
        }
        assign(lit);
        return true;
    }

    // ---- assignment and propagation ----

    private int value(int lit) {
        byte v = value[lit > 0 ? lit : -lit];
        return lit > 0 ? v : -v;
    }

    private void assign(int lit) {
        value[lit > 0 ? lit : -lit] = (byte) (lit > 0 ? 1 : -1);
        trail[trailSize++] = lit;
    }

    private void undo(int mark) {
        for (int i = trailSize - 1; i >= mark; i--) {
            int lit = trail[i];
            value[lit > 0 ? lit : -lit] = 0;
        }
        trailSize = mark;
        if (propagated > mark) {
            propagated = mark;
        }
    }

    private static int index(int lit) {
        return lit > 0 ? 2 * lit : -2 * lit + 1;
    }

    private void addWatch(int lit, int clause) {
        int i = index(lit);
        int size = watchSize[i];
        if (size == watches[i].length) {
            watches[i] = Arrays.copyOf(watches[i], size * 2);
        }
        watches[i][size] = clause;
        watchSize[i] = size + 1;
    }

    /** Unit propagation of the trail from {@link #propagated}; false on a conflict. */
    private boolean propagate() {
        while (propagated < trailSize) {
            int falseLit = -trail[propagated++];
            int wi = index(falseLit);
            int[] list = watches[wi];
            int size = watchSize[wi];
            int i = 0;
            int j = 0;
            while (i < size) {
                int c = list[i++];
                int[] lits = clauses[c];
                if (lits[0] == falseLit) {
                    lits[0] = lits[1];
                    lits[1] = falseLit;
                }
                int first = lits[0];
                if (value(first) > 0) {
                    list[j++] = c;
                    continue;
                }
                boolean moved = false;
                for (int k = 2; k < lits.length; k++) {
                    int lit = lits[k];
                    if (value(lit) >= 0) {
                        lits[1] = lit;
                        lits[k] = falseLit;
                        addWatch(lit, c);
                        moved = true;
                        break;
                    }
                }
                if (moved) {
                    continue;
                }
                list[j++] = c;
                if (value(first) < 0) {
                    while (i < size) {
                        list[j++] = list[i++];
                    }
                    watchSize[wi] = j;
                    propagated = trailSize;
                    return false;
                }
                assign(first);
            }
            watchSize[wi] = j;
        }
        return true;
    }

    // ---- search ----

    /** Counts the component whose variables are {@code key[1..key[0]]}, branching first on {@code var}. */
    private BigInteger countComponent(int[] key, int var) {
        countDecision();
        int size = key[0];
        BigInteger total = BigInteger.ZERO;
        int mark = trailSize;
        for (int lit = var; ; lit = -var) {
            assign(lit);
            if (propagate()) {
                total = total.add(countChildren(key, 1, 1 + size));
            }
            undo(mark);
            if (lit < 0) {
                break;
            }
        }
        return total;
    }

    /**
     * Splits the unassigned variables among {@code vars[from..to)} (sorted) into connected components
     * over the clauses not yet satisfied, and multiplies their counts (variables in no such clause count
     * twice each).
     */
    private BigInteger countChildren(int[] vars, int from, int to) {
        List<Component> components = new ArrayList<>();
        int free = decompose(vars, from, to, components);
        BigInteger product = BigInteger.ONE.shiftLeft(free);
        for (Component component : components) {
            Cache.Key cacheKey = new Cache.Key(component.key());
            BigInteger known = cache.get(cacheKey);
            if (known == null) {
                known = countComponent(component.key(), component.branch());
                cache.put(cacheKey, known);
            }
            if (known.signum() == 0) {
                return BigInteger.ZERO;
            }
            product = product.multiply(known);
        }
        return product;
    }

    /**
     * Adds the components among the unassigned {@code vars[from..to)} and returns the number of free
     * variables (in no unsatisfied clause).
     */
    private int decompose(int[] vars, int from, int to, List<Component> components) {
        stamp++;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(variableStamp, 0);
            Arrays.fill(clauseStamp, 0);
            stamp = 1;
        }
        int s = stamp;
        int free = 0;
        int kSize = 0;
        int found = 0;
        for (int i = from; i < to; i++) {
            int start = vars[i];
            if (value[start] != 0 || variableStamp[start] == s) {
                continue;
            }
            variableStamp[start] = s;
            int qSize = 0;
            queue[qSize++] = start;
            int kStart = kSize;
            int head = 0;
            int best = start;
            while (head < qSize) {
                int u = queue[head++];
                if (better(u, best)) {
                    best = u;
                }
                for (int w : binaryNeighbours[u]) {
                    // with u unassigned, a binary clause on an assigned variable is satisfied
                    if (value[w] == 0 && variableStamp[w] != s) {
                        variableStamp[w] = s;
                        queue[qSize++] = w;
                    }
                }
                for (int c : occurrences[u]) {
                    if (clauseStamp[c] == s) {
                        continue;
                    }
                    clauseStamp[c] = s;
                    int[] lits = clauses[c];
                    int unassigned = 0;
                    boolean satisfied = false;
                    for (int lit : lits) {
                        int val = value(lit);
                        if (val == 0) {
                            unassigned++;
                        } else if (val > 0) {
                            satisfied = true;
                            break;
                        }
                    }
                    if (satisfied) {
                        continue;
                    }
                    if (unassigned < lits.length) {
                        keyClauses[kSize++] = c;
                    }
                    for (int lit : lits) {
                        int w = lit > 0 ? lit : -lit;
                        if (value[w] == 0 && variableStamp[w] != s) {
                            variableStamp[w] = s;
                            queue[qSize++] = w;
                        }
                    }
                }
            }
            if (qSize == 1) {
                componentOf[start] = -1;
                freeVariables[free] = start;
                free++;
                kSize = kStart;
                continue;
            }
            for (int q = 0; q < qSize; q++) {
                componentOf[queue[q]] = found;
            }
            sizes[found] = qSize;
            clauseStart[found] = kStart;
            clauseEnd[found] = kSize;
            branches[found] = best;
            found++;
        }
        int base = components.size();
        for (int c = 0; c < found; c++) {
            int size = sizes[c];
            int clauseCount = clauseEnd[c] - clauseStart[c];
            int[] key = new int[1 + size + clauseCount];
            key[0] = size;
            System.arraycopy(keyClauses, clauseStart[c], key, 1 + size, clauseCount);
            Arrays.sort(key, 1 + size, key.length);
            components.add(new Component(key, branches[c]));
            sizes[c] = 1; // next free slot for a variable
        }
        for (int i = from; i < to; i++) {
            int v = vars[i];
            if (value[v] == 0 && variableStamp[v] == s && componentOf[v] >= 0) {
                int c = componentOf[v];
                components.get(base + c).key()[sizes[c]++] = v;
            }
        }
        return free;
    }

    /**
     * A component: its cache key (variable count, sorted variables, sorted ids of the long clauses that
     * lost a literal) and the variable to branch on first.
     */
    private record Component(int[] key, int branch) {}

    /** Component counts by key, bounded by the total length of the keys; evicts least recently used. */
    static final class Cache {
        private final long budgetInts;
        private long usedInts;
        private final LinkedHashMap<Key, BigInteger> map = new LinkedHashMap<>(1024, 0.75f, true);

        Cache(long budgetInts) {
            this.budgetInts = budgetInts;
        }

        BigInteger get(Key key) {
            return map.get(key);
        }

        void put(Key key, BigInteger count) {
            long cost = cost(key, count);
            if (cost > budgetInts) {
                return;
            }
            if (map.put(key, count) == null) {
                usedInts += cost;
            }
            if (usedInts > budgetInts) {
                Iterator<Map.Entry<Key, BigInteger>> it = map.entrySet().iterator();
                while (usedInts > budgetInts * 3 / 4 && it.hasNext()) {
                    Map.Entry<Key, BigInteger> e = it.next();
                    usedInts -= cost(e.getKey(), e.getValue());
                    it.remove();
                }
            }
        }

        /** Approximate heap use of an entry in ints: key, value, and about 160 bytes of objects. */
        private static long cost(Key key, BigInteger count) {
            return key.ints.length + 40L + count.bitLength() / 32;
        }

        static final class Key {
            final int[] ints;
            private final int hash;

            Key(int[] ints) {
                this.ints = ints;
                this.hash = Arrays.hashCode(ints);
            }

            @Override
            public int hashCode() {
                return hash;
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Key k && k.hash == hash && Arrays.equals(k.ints, ints);
            }
        }
    }
}
