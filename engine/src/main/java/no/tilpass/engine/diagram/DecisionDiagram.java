package no.tilpass.engine.diagram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * The valid configurations of a solution space as a reduced ordered binary decision diagram over the
 * options' value indices in binary (a block of bits per option), compiled once from the CNF with the
 * auxiliary variables quantified away, and immutable (safe to share between threads). Blocks are in
 * model order, or with the options of 64 or more values (dimensions) moved last or first: all three
 * arrangements are tried when they differ and the smallest diagram is kept (the window model: 57,230
 * nodes in model order, 26,097 with width and height last).
 *
 * <p>One backward and one forward pass over the nodes answer, for every option at once, the values that
 * extend to a valid configuration under the decisions on the <em>other</em> options: for an undecided
 * option that is its valid domain, for a decided one the alternatives the other decisions leave
 * (Darwiche's differential view of a compiled form, taken per option block). A further forward pass keeps
 * soft defaults greedily in option order, and a bottom-up pass counts configurations exactly.
 *
 * <p>Compilation gives up at a node limit, so only spaces with a small diagram get one; see {@link #of}.
 */
public final class DecisionDiagram {
    /** Nodes allowed while compiling (intermediate ones included); finished diagrams are much smaller. */
    public static final int DEFAULT_NODE_LIMIT = 4_000_000;
    /**
     * Spaces with more option bits, variables or clauses are not tried: their diagrams are rarely small,
     * and a failed attempt costs seconds. Spaces of booleans only (feature models) keep the limit of 2,000
     * variables and are tried in model order only: their diagrams fail or succeed as before the clustered
     * orders (busybox, embtoolkit, ecos and erp_system fail after 5–12 s when every order is tried).
     */
    static final int MAX_OPTION_BITS = 2_000;

    static final int MAX_VARIABLES = 20_000;

    static final int MAX_BOOLEAN_VARIABLES = 2_000;

    static final int MAX_CLAUSES = 100_000;

    /**
     * Seconds a space of booleans only (a feature model) may take to compile. The SAT path answers such
     * spaces in milliseconds per step; financialservices01 (771 variables) compiled to 166,576 nodes in
     * 22-26 s, which its first session waited for, and uclibc and busybox failed after 1.9 s, while the
     * diagrams that help (pc-richmond, 8,987 nodes; printer; berkeleydb) compile in 0.2 s or less.
     */
    static final long BOOLEAN_BUDGET_SECONDS = 1;

    /**
     * Seconds a product model's attempts may take together: Renault, the largest we know, needs about 5 s
     * for its three; the budget only stops a pathological model from holding its first session for minutes.
     */
    static final long PRODUCT_BUDGET_SECONDS = 60;

    private static final Map<SolutionSpace, Optional<DecisionDiagram>> COMPILED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final int levels; // option bits only
    private final int[] optionOfVariable;
    private final int[] valueOfVariable;
    private final boolean[] positiveOfVariable;
    private final int[] blockOfLevel;
    private final int[] blockStart;
    private final int[] bits;
    private final int[] sequence; // option at each block position, top first
    private final int[] position; // per option
    private final int[] valueCount;
    private final int[] defaultIndex;
    private final boolean[] booleanOption;
    private final int root;
    private final int[] nodeLevel; // 0 false, 1 true, then inner nodes by ascending level
    private final int[] nodeLo;
    private final int[] nodeHi;
    private final int[] setOffset; // per node: first word of its value-suffix set in a scratch array
    private final int[] nodeAt; // per node: block position of its option (terminals: past the last)
    private final int[] nodeRemaining; // per node: bits of its block from its level to the block's end
    private final int setWords;

    private DecisionDiagram(Order order, Builder builder, int top, SolutionSpace space) {
        List<Option> options = space.options();
        int[] compact = new int[order.levels];
        int next = 0;
        for (int l = 0; l < order.levels; l++) {
            compact[l] = order.blockOfLevel[l] >= 0 ? next++ : -1;
        }
        this.levels = next;
        this.optionOfVariable = order.optionOfVariable;
        this.valueOfVariable = order.valueOfVariable;
        this.positiveOfVariable = order.positiveOfVariable;
        this.bits = order.bits;
        this.sequence = order.sequence;
        this.position = new int[sequence.length];
        for (int i = 0; i < sequence.length; i++) {
            position[sequence[i]] = i;
        }
        this.blockOfLevel = new int[levels];
        this.blockStart = new int[options.size()];
        this.valueCount = new int[options.size()];
        this.defaultIndex = new int[options.size()];
        this.booleanOption = new boolean[options.size()];
        for (int o = 0; o < options.size(); o++) {
            blockStart[o] = compact[order.blockStart[o]];
            for (int b = 0; b < bits[o]; b++) {
                blockOfLevel[blockStart[o] + b] = o;
            }
            Option option = options.get(o);
            valueCount[o] = option.valueCount();
            defaultIndex[o] = option.defaultIndex();
            booleanOption[o] = option.onOneVariable();
        }
        // Keep the nodes reachable from the top, numbered by ascending level (children after parents).
        boolean[] reachable = new boolean[builder.count()];
        int[] stack = new int[builder.count()];
        int sp = 0;
        List<Integer> inner = new ArrayList<>();
        if (top > Builder.TRUE) {
            stack[sp++] = top;
            reachable[top] = true;
        }
        while (sp > 0) {
            int n = stack[--sp];
            inner.add(n);
            for (int c : new int[] {builder.lo(n), builder.hi(n)}) {
                if (c > Builder.TRUE && !reachable[c]) {
                    reachable[c] = true;
                    stack[sp++] = c;
                }
            }
        }
        int[] sorted = inner.stream()
                .sorted((a, b) -> builder.level(a) != builder.level(b)
                        ? Integer.compare(builder.level(a), builder.level(b))
                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] index = new int[builder.count()];
        index[Builder.TRUE] = 1;
        for (int i = 0; i < sorted.length; i++) {
            index[sorted[i]] = i + 2;
        }
        int size = sorted.length + 2;
        this.nodeLevel = new int[size];
        this.nodeLo = new int[size];
        this.nodeHi = new int[size];
        this.setOffset = new int[size + 1];
        nodeLevel[0] = levels;
        nodeLevel[1] = levels;
        int words = 0;
        for (int i = 0; i < sorted.length; i++) {
            int n = sorted[i];
            int lvl = compact[builder.level(n)];
            if (lvl < 0) {
                throw new IllegalStateException("an auxiliary variable was not quantified away");
            }
            nodeLevel[i + 2] = lvl;
            nodeLo[i + 2] = index[builder.lo(n)];
            nodeHi[i + 2] = index[builder.hi(n)];
            setOffset[i + 2] = words;
            words += wordsFor(remaining(lvl));
        }
        this.setWords = words;
        this.root = index[top];
        this.nodeAt = new int[size];
        this.nodeRemaining = new int[size];
        nodeAt[0] = sequence.length;
        nodeAt[1] = sequence.length;
        for (int n = 2; n < size; n++) {
            nodeAt[n] = position[blockOfLevel[nodeLevel[n]]];
            nodeRemaining[n] = remaining(nodeLevel[n]);
        }
    }

    /** Bits of its option's block from {@code level} to the block's end. */
    private int remaining(int level) {
        int o = blockOfLevel[level];
        return bits[o] - (level - blockStart[o]);
    }

    private static int wordsFor(int bitCount) {
        return ((1 << bitCount) + 63) >>> 6;
    }

    /**
     * The diagram of {@code space} with {@link #DEFAULT_NODE_LIMIT}, compiled on first use and kept for as
     * long as the space is; empty when the space is too large for one.
     */
    public static Optional<DecisionDiagram> of(SolutionSpace space) {
        Optional<DecisionDiagram> known = COMPILED.get(space);
        if (known != null) {
            return known;
        }
        synchronized (space) {
            known = COMPILED.get(space);
            if (known == null) {
                known = compile(space, DEFAULT_NODE_LIMIT);
                COMPILED.put(space, known);
            }
            return known;
        }
    }

    /**
     * Compiles {@code space}, giving up (empty) past {@code nodeLimit} nodes, past the time budget
     * ({@link #BOOLEAN_BUDGET_SECONDS} or {@link #PRODUCT_BUDGET_SECONDS}) or on a space too large to try.
     */
    public static Optional<DecisionDiagram> compile(SolutionSpace space, int nodeLimit) {
        long started = System.nanoTime();
        Cnf cnf = space.cnf();
        boolean productLike = productLike(space);
        long deadline = started + (productLike ? PRODUCT_BUDGET_SECONDS : BOOLEAN_BUDGET_SECONDS) * 1_000_000_000L;
        if (cnf.variableCount() > (productLike ? MAX_VARIABLES : MAX_BOOLEAN_VARIABLES)
                || cnf.clauseCount() > MAX_CLAUSES) {
            return Optional.empty();
        }
        for (Option o : space.options()) {
            if (o.valueCount() > (1 << 14)) {
                return Optional.empty();
            }
        }
        if (Arrays.stream(Order.bits(space.options())).sum() > MAX_OPTION_BITS) {
            return Optional.empty();
        }
        // Clustered orders gave the smallest diagrams on every product model we measured, but which of
        // the FORCE starts is best varies 20-fold (window: 6,377 to 142,426 nodes), and span predicts it
        // only roughly: the CLUSTERED_TRIES sequences of least span are compiled and the smallest kept
        // (docs/decisions.md D18). Model order (and large options first) are fallbacks.
        boolean large = Order.hasLargeOptions(space);
        List<int[]> clustered = productLike ? Order.clustered(space, large, CLUSTERED_STARTS) : List.of();
        List<Order.Arrangement> fallbacks = productLike && large
                ? List.of(Order.Arrangement.LARGE_FIRST, Order.Arrangement.MODEL)
                : List.of(Order.Arrangement.MODEL);
        AtomicReference<Optional<DecisionDiagram>> result = new AtomicReference<>(Optional.empty());
        // The operations recurse once per level: compile on a thread with a stack to match.
        Thread compiler = new Thread(
                null,
                () -> {
                    for (int[] sequence : clustered.subList(0, Math.min(CLUSTERED_TRIES, clustered.size()))) {
                        Optional<Order> order = Order.of(space, sequence);
                        if (order.isEmpty()) {
                            break;
                        }
                        Optional<DecisionDiagram> compiled = attempt(space, order.get(), nodeLimit, deadline);
                        if (compiled.isPresent()
                                && (result.get().isEmpty()
                                        || compiled.get().size()
                                                < result.get().get().size())) {
                            result.set(compiled);
                        }
                    }
                    for (Order.Arrangement arrangement : fallbacks) {
                        if (result.get().isPresent()) {
                            break;
                        }
                        Optional<Order> order = Order.of(space, arrangement);
                        if (order.isEmpty()) {
                            return;
                        }
                        result.set(attempt(space, order.get(), nodeLimit, deadline));
                    }
                    result.get().ifPresent(d -> d.warmUp(space));
                },
                "decision-diagram",
                64L * 1024 * 1024);
        compiler.setDaemon(true);
        compiler.start();
        try {
            compiler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return result.get();
    }

    private static Optional<DecisionDiagram> attempt(SolutionSpace space, Order order, int nodeLimit, long deadline) {
        return Compilation.run(space, order, nodeLimit, deadline)
                .map(top -> new DecisionDiagram(order, top.builder(), top.node(), space));
    }

    /**
     * Whether some option has more than two values or is not a boolean (product models, CLib tables), as
     * opposed to a feature model's booleans only.
     */
    public static boolean productLike(SolutionSpace space) {
        return !space.options().stream().allMatch(Option::onOneVariable);
    }

    /** FORCE starts for the clustered block orders. */
    static final int CLUSTERED_STARTS = 32;

    /** Clustered block orders compiled (those of least span); the smallest diagram is kept. */
    static final int CLUSTERED_TRIES = 3;

    /** Queries run right after compiling, see {@link #warmUp}. */
    static final int WARM_UP_QUERIES = 24;

    /**
     * Runs {@link #WARM_UP_QUERIES} seeded queries (random subsets of the default completion as decisions,
     * always consistent) so that the JIT has compiled the passes before a customer's first steps: on
     * Renault the first steps after loading took 3–4 times as long as later ones. Costs about as many
     * milliseconds as the diagram has tens of thousands of nodes, times the query count.
     */
    private void warmUp(SolutionSpace space) {
        Optional<Answer> first = analyse(new int[0]);
        if (first.isEmpty()) {
            return;
        }
        int[] full = first.get().completion();
        List<Option> options = space.options();
        Random random = new Random(1);
        for (int q = 0; q < WARM_UP_QUERIES; q++) {
            int[] decisions = new int[options.size()];
            int n = 0;
            for (int o = 0; o < options.size(); o++) {
                if (random.nextInt(4) == 0) {
                    decisions[n++] = options.get(o).literal(full[o]);
                }
            }
            analyse(Arrays.copyOf(decisions, n));
        }
    }

    /** Nodes in the diagram, terminals included. */
    public int size() {
        return nodeLevel.length;
    }

    /** Whether every literal names an option value (not an auxiliary variable, not "not this enum value"). */
    public boolean supports(int[] decisionLiterals) {
        for (int lit : decisionLiterals) {
            int v = Math.abs(lit);
            if (lit == 0 || v >= optionOfVariable.length || optionOfVariable[v] < 0) {
                return false;
            }
            int o = optionOfVariable[v];
            if ((lit > 0) != positiveOfVariable[v] && !booleanOption[o]) {
                return false;
            }
        }
        return true;
    }

    /**
     * For every option (model order), the indices (ascending) of its values that extend to a valid
     * configuration together with the decisions on all <em>other</em> options; empty when the decisions
     * together have no valid configuration. For an undecided option this is its valid domain.
     *
     * @param decisionLiterals DIMACS literals of option values ({@link #supports})
     */
    public Optional<List<int[]>> alternatives(int[] decisionLiterals) {
        byte[] restriction = restriction(decisionLiterals);
        if (restriction == null) {
            return Optional.empty();
        }
        Scratch sc = borrow();
        try {
            boolean[] backward = backward(restriction, sc.backward);
            return backward[root] ? Optional.of(alternatives(restriction, backward, sc)) : Optional.empty();
        } finally {
            scratch.push(sc);
        }
    }

    private List<int[]> alternatives(byte[] restriction, boolean[] backward, Scratch sc) {
        int size = nodeLevel.length;
        int options = bits.length;
        long[][] valid = new long[options][];
        for (int o = 0; o < options; o++) {
            valid[o] = new long[wordsFor(bits[o])];
        }
        boolean[] forward = Scratch.cleared(sc.forward);
        boolean[] entered = Scratch.cleared(sc.entered);
        int[] whole = startForward(forward, entered);
        for (int n = 2; n < size; n++) {
            if (!forward[n]) {
                continue;
            }
            int at = nodeAt[n];
            int r = restriction[nodeLevel[n]];
            for (int b = 0; b <= 1; b++) {
                if (r >= 0 && r != b) {
                    continue;
                }
                int c = b == 0 ? nodeLo[n] : nodeHi[n];
                if (c == 0) {
                    continue;
                }
                int childAt = nodeAt[c];
                if (c > 1) {
                    forward[c] = true;
                    entered[c] |= childAt != at;
                }
                if (childAt > at + 1 && backward[c]) {
                    whole[at + 1]++;
                    whole[childAt]--;
                }
            }
        }
        for (int n = 2; n < size; n++) {
            if (entered[n]) {
                suffix(n, backward, sc);
                enter(valid[blockOfLevel[nodeLevel[n]]], sc.sets, n);
            }
        }
        List<int[]> out = new ArrayList<>(Collections.nCopies(options, (int[]) null));
        int running = 0;
        for (int at = 0; at < options; at++) {
            running += whole[at];
            int o = sequence[at];
            int[] buffer = new int[valueCount[o]];
            int count = 0;
            for (int k = 0; k < valueCount[o]; k++) {
                if (running > 0 || (valid[o][k >>> 6] & (1L << k)) != 0) {
                    buffer[count++] = k;
                }
            }
            out.set(o, Arrays.copyOf(buffer, count));
        }
        return out;
    }

    /**
     * Starts a forward pass at the top node (reached, and entered into its option's block) and returns the
     * difference array over block positions of options skipped entirely on a valid path, with the
     * options above the top already marked (all of them when the top is the true terminal).
     */
    private int[] startForward(boolean[] forward, boolean[] entered) {
        int options = bits.length;
        int[] whole = new int[options + 1];
        whole[0]++;
        if (root > 1) {
            forward[root] = true;
            entered[root] = true;
            whole[nodeAt[root]]--;
        } else {
            whole[options]--;
        }
        return whole;
    }

    /** Adds to {@code valid} (its option's values) every value that passes through entry node {@code c}. */
    private void enter(long[] valid, long[] sets, int c) {
        int lvl = nodeLevel[c];
        int o = blockOfLevel[lvl];
        int skipped = lvl - blockStart[o];
        int rem = bits[o] - skipped;
        for (int prefix = 0; prefix < (1 << skipped); prefix++) {
            orShifted(valid, 0, sets, setOffset[c], 1 << rem, prefix << rem);
        }
    }

    /** Work space for suffix sets, reused so that a query allocates no large arrays. */
    private static final class Scratch {
        final long[] sets;
        final int[] stamp;
        final boolean[] backward;
        final boolean[] forward;
        final boolean[] entered;
        final boolean[] finalBackward;
        int current;

        Scratch(int words, int nodes) {
            this.sets = new long[words];
            this.stamp = new int[nodes];
            this.backward = new boolean[nodes];
            this.forward = new boolean[nodes];
            this.entered = new boolean[nodes];
            this.finalBackward = new boolean[nodes];
        }

        static boolean[] cleared(boolean[] a) {
            Arrays.fill(a, false);
            return a;
        }

        /** Starts a query: every suffix set is stale. */
        Scratch next() {
            if (++current == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                current = 1;
            }
            return this;
        }
    }

    /** Idle work spaces: as many exist as queries ever ran at once. */
    private final ConcurrentLinkedDeque<Scratch> scratch = new ConcurrentLinkedDeque<>();

    private Scratch borrow() {
        Scratch s = scratch.poll();
        return (s != null ? s : new Scratch(setWords, nodeLevel.length)).next();
    }

    /**
     * Makes node {@code n}'s suffix set current: the set of its block's remaining bit patterns (from its
     * level to the block's end) that lead, with the block itself unrestricted, to a node below the block
     * that reaches true. Computed on demand, children first.
     */
    private void suffix(int n, boolean[] backward, Scratch s) {
        if (s.stamp[n] == s.current) {
            return;
        }
        long[] sets = s.sets;
        int lvl = nodeLevel[n];
        int o = blockOfLevel[lvl];
        int rem = nodeRemaining[n];
        int half = 1 << (rem - 1);
        int base = setOffset[n];
        if (rem <= 6) { // the set fits one word: no array helpers
            long v = 0;
            for (int b = 0; b <= 1; b++) {
                int c = b == 0 ? nodeLo[n] : nodeHi[n];
                if (c > 1 && nodeAt[c] == nodeAt[n]) {
                    suffix(c, backward, s);
                    int childRem = nodeRemaining[c];
                    long child = sets[setOffset[c]];
                    for (int x = 0; x < (1 << (rem - 1 - childRem)); x++) {
                        v |= child << (b * half + (x << childRem));
                    }
                } else if (backward[c]) {
                    v |= ((1L << half) - 1) << (b * half);
                }
            }
            sets[base] = v;
            s.stamp[n] = s.current;
            return;
        }
        Arrays.fill(sets, base, base + wordsFor(rem), 0L);
        for (int b = 0; b <= 1; b++) {
            int c = b == 0 ? nodeLo[n] : nodeHi[n];
            if (c > 1 && nodeAt[c] == nodeAt[n]) {
                suffix(c, backward, s);
                int childRem = nodeRemaining[c];
                int free = rem - 1 - childRem;
                for (int x = 0; x < (1 << free); x++) {
                    orShifted(sets, base, sets, setOffset[c], 1 << childRem, b * half + (x << childRem));
                }
            } else if (backward[c]) {
                setRange(sets, base, b * half, b * half + half);
            }
        }
        s.stamp[n] = s.current;
    }

    private static void setRange(long[] words, int base, int from, int to) {
        for (int i = from; i < to; ) {
            int w = i >>> 6;
            int bit = i & 63;
            int span = Math.min(64 - bit, to - i);
            long mask = span == 64 ? -1L : ((1L << span) - 1) << bit;
            words[base + w] |= mask;
            i += span;
        }
    }

    /** ORs bits [0, count) of the set at {@code srcBase} into the set at {@code dstBase}, moved up by shift. */
    private static void orShifted(long[] dst, int dstBase, long[] src, int srcBase, int count, int shift) {
        if (count < 64) {
            long v = src[srcBase] & ((1L << count) - 1);
            if (v == 0) {
                return;
            }
            int w = shift >>> 6;
            int bit = shift & 63;
            dst[dstBase + w] |= v << bit;
            if (bit + count > 64) {
                dst[dstBase + w + 1] |= v >>> (64 - bit);
            }
            return;
        }
        // count and shift are multiples of 64 here (powers of two at least 64, shifted by whole sets)
        int words = count >>> 6;
        int w = shift >>> 6;
        for (int i = 0; i < words; i++) {
            dst[dstBase + w + i] |= src[srcBase + i];
        }
    }

    /** Per node: reaches true honouring every restriction. */
    private boolean[] backward(byte[] restriction, boolean[] into) {
        boolean[] backward = Scratch.cleared(into);
        backward[1] = true;
        for (int n = nodeLevel.length - 1; n >= 2; n--) {
            int r = restriction[nodeLevel[n]];
            backward[n] = (r != 1 && backward[nodeLo[n]]) || (r != 0 && backward[nodeHi[n]]);
        }
        return backward;
    }

    /** Per level: -1 free, 0 or 1 the decided bit; null when two decisions contradict. */
    private byte[] restriction(int[] decisionLiterals) {
        if (!supports(decisionLiterals)) {
            throw new IllegalArgumentException("decisions " + Arrays.toString(decisionLiterals)
                    + " are not all option values; check supports(...) first");
        }
        byte[] restriction = new byte[levels];
        Arrays.fill(restriction, (byte) -1);
        for (int lit : decisionLiterals) {
            int v = Math.abs(lit);
            int o = optionOfVariable[v];
            int value = (lit > 0) == positiveOfVariable[v] ? valueOfVariable[v] : 1 - valueOfVariable[v];
            if (!restrict(restriction, o, value)) {
                return null;
            }
        }
        return restriction;
    }

    private boolean restrict(byte[] restriction, int o, int value) {
        for (int b = 0; b < bits[o]; b++) {
            byte bit = (byte) ((value >>> (bits[o] - 1 - b)) & 1);
            int l = blockStart[o] + b;
            if (restriction[l] >= 0 && restriction[l] != bit) {
                return false;
            }
            restriction[l] = bit;
        }
        return true;
    }

    /**
     * A full configuration extending the decisions, as one value index per option (model order): every
     * undecided option's soft default is kept when it is consistent with the decisions and the defaults
     * kept before it, taking the options in model order; the other undecided options take their first valid value
     * (booleans: false). Empty when the decisions have no valid configuration.
     */
    public Optional<int[]> complete(int[] decisionLiterals) {
        byte[] restriction = restriction(decisionLiterals);
        if (restriction == null) {
            return Optional.empty();
        }
        boolean[] decided = decidedOptions(decisionLiterals);
        Scratch sc = borrow();
        try {
            boolean[] backward = backward(restriction, sc.backward);
            return backward[root] ? Optional.of(complete(restriction, backward, decided, null, sc)) : Optional.empty();
        } finally {
            scratch.push(sc);
        }
    }

    private boolean[] decidedOptions(int[] decisionLiterals) {
        boolean[] decided = new boolean[bits.length];
        for (int lit : decisionLiterals) {
            decided[optionOfVariable[Math.abs(lit)]] = true;
        }
        return decided;
    }

    /** {@link #alternatives} and {@link #complete} of the same decisions. */
    public record Answer(List<int[]> alternatives, int[] completion) {
        public Answer {
            alternatives = List.copyOf(alternatives);
            completion = completion.clone();
        }

        @Override
        public int[] completion() {
            return completion.clone();
        }
    }

    /**
     * {@link #alternatives} and {@link #complete} together, sharing the backward pass and the suffix sets;
     * empty when the decisions have no valid configuration.
     */
    public Optional<Answer> analyse(int[] decisionLiterals) {
        byte[] restriction = restriction(decisionLiterals);
        if (restriction == null) {
            return Optional.empty();
        }
        boolean[] decided = decidedOptions(decisionLiterals);
        Scratch sc = borrow();
        try {
            boolean[] backward = backward(restriction, sc.backward);
            if (!backward[root]) {
                return Optional.empty();
            }
            List<int[]> alternatives = alternatives(restriction, backward, sc);
            return Optional.of(
                    new Answer(alternatives, complete(restriction.clone(), backward, decided, alternatives, sc)));
        } finally {
            scratch.push(sc);
        }
    }

    /**
     * Keeps the defaults greedily in model order: a default stays when it is consistent with the decisions
     * and the defaults kept before it. One backward pass tests a set of defaults; all remaining defaults
     * are tried at once, and when they fail together a binary search finds the longest prefix that holds,
     * so the passes number about one plus log2(defaults) per default that yields.
     */
    private int[] complete(byte[] restriction, boolean[] backward, boolean[] decided, List<int[]> domains, Scratch sc) {
        int options = bits.length;
        int[] candidates = new int[options];
        int k = 0;
        for (int o = 0; o < options; o++) {
            if (!decided[o] && defaultIndex[o] >= 0 && (domains == null || contains(domains.get(o), defaultIndex[o]))) {
                candidates[k++] = o;
            }
        }
        // sc.finalBackward holds the backward pass of the restriction as it stands after the loop when
        // the last test was the one that succeeded on exactly the defaults kept; else one more pass.
        boolean fresh = false;
        int from = 0;
        while (from < k) {
            if (holdsWith(restriction, candidates, from, k, sc)) {
                keep(restriction, candidates, from, k);
                fresh = true;
                break;
            }
            int low = from; // [from, low) holds together with the decisions
            int high = k; // [from, high) does not
            boolean lastHeld = false;
            while (high - low > 1) {
                int mid = (low + high) >>> 1;
                lastHeld = holdsWith(restriction, candidates, from, mid, sc);
                if (lastHeld) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            keep(restriction, candidates, from, low);
            fresh = lastHeld;
            from = low + 1; // candidates[low] yields
        }
        if (k == 0) {
            return path(restriction, backward);
        }
        return path(restriction, fresh ? sc.finalBackward : backward(restriction, sc.finalBackward));
    }

    private static boolean contains(int[] sorted, int value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }

    private boolean holdsWith(byte[] restriction, int[] candidates, int from, int to, Scratch sc) {
        byte[] trial = restriction.clone();
        keep(trial, candidates, from, to);
        return backward(trial, sc.finalBackward)[root];
    }

    private void keep(byte[] restriction, int[] candidates, int from, int to) {
        for (int i = from; i < to; i++) {
            restrict(restriction, candidates[i], defaultIndex[candidates[i]]);
        }
    }

    /**
     * The configuration along the valid path that takes, bit by bit from the top, the low branch (so an
     * option gets its first valid value), except that a boolean prefers its second value, false.
     */
    private int[] path(byte[] restriction, boolean[] finalBackward) {
        int options = bits.length;
        int[] chosen = new int[options];
        boolean[] seen = new boolean[levels];
        int at = root;
        while (at > 1) {
            int lvl = nodeLevel[at];
            int o = blockOfLevel[lvl];
            int r = restriction[lvl];
            int prefer = booleanOption[o] ? 1 : 0;
            int first = prefer == 0 ? nodeLo[at] : nodeHi[at];
            boolean takeFirst = (r < 0 || r == prefer) && finalBackward[first];
            int bit = takeFirst ? prefer : 1 - prefer;
            chosen[o] |= bit << (bits[o] - 1 - (lvl - blockStart[o]));
            seen[lvl] = true;
            at = takeFirst ? first : (prefer == 0 ? nodeHi[at] : nodeLo[at]);
        }
        for (int l = 0; l < levels; l++) {
            if (!seen[l]) { // a skipped bit: either value stays valid
                int o = blockOfLevel[l];
                int bit = restriction[l] >= 0 ? restriction[l] : booleanOption[o] ? 1 : 0;
                chosen[o] |= bit << (bits[o] - 1 - (l - blockStart[o]));
            }
        }
        return chosen;
    }

    /** The exact number of valid configurations under {@code decisionLiterals} (0 when they conflict). */
    public BigInteger count(int[] decisionLiterals) {
        byte[] restriction = restriction(decisionLiterals);
        if (restriction == null) {
            return BigInteger.ZERO;
        }
        int[] freeBefore = new int[levels + 1]; // unrestricted levels in [0, l)
        for (int l = 0; l < levels; l++) {
            freeBefore[l + 1] = freeBefore[l] + (restriction[l] < 0 ? 1 : 0);
        }
        BigInteger[] count = new BigInteger[nodeLevel.length];
        count[0] = BigInteger.ZERO;
        count[1] = BigInteger.ONE;
        for (int n = nodeLevel.length - 1; n >= 2; n--) {
            int lvl = nodeLevel[n];
            int r = restriction[lvl];
            BigInteger sum = BigInteger.ZERO;
            for (int b = 0; b <= 1; b++) {
                if (r >= 0 && r != b) {
                    continue;
                }
                int c = b == 0 ? nodeLo[n] : nodeHi[n];
                if (count[c].signum() != 0) {
                    sum = sum.add(count[c].shiftLeft(freeBefore[nodeLevel[c]] - freeBefore[lvl + 1]));
                }
            }
            count[n] = sum;
        }
        return count[root].shiftLeft(freeBefore[nodeLevel[root]]);
    }
}
