package no.tilpass.engine.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * The variables of a diagram and their order. Every option becomes a block of bits holding its value
 * index in binary, most significant bit first (one bit for a boolean, eight for 201 values), blocks in a
 * clustered sequence ({@link #clustered}) or a fallback {@link Arrangement}. The CNF's auxiliary
 * variables get a level of their own right after the last option block they share a clause with; the
 * compilation substitutes or quantifies them away, so the finished diagram tests option bits only.
 */
final class Order {
    final int levels;
    final int[] optionOfVariable; // index: SAT variable; -1 for auxiliary variables
    final int[] valueOfVariable; // index: SAT variable; the value index whose literal is on it
    final boolean[] positiveOfVariable; // whether that value's literal is the positive one
    final int[] levelOfAuxiliary; // index: SAT variable; -1 for option variables
    final int[] blockOfLevel; // option index, or -1 for an auxiliary level
    final int[] blockStart; // per option: level of its most significant bit
    final int[] bits; // per option
    final int[] sequence; // option at each block position

    private Order(
            int levels,
            int[] optionOfVariable,
            int[] valueOfVariable,
            boolean[] positiveOfVariable,
            int[] levelOfAuxiliary,
            int[] blockOfLevel,
            int[] blockStart,
            int[] bits,
            int[] sequence) {
        this.levels = levels;
        this.optionOfVariable = optionOfVariable;
        this.valueOfVariable = valueOfVariable;
        this.positiveOfVariable = positiveOfVariable;
        this.levelOfAuxiliary = levelOfAuxiliary;
        this.blockOfLevel = blockOfLevel;
        this.blockStart = blockStart;
        this.bits = bits;
        this.sequence = sequence;
    }

    /** Options with at least this many bits (64 or more values) are "large" for {@link Arrangement}. */
    static final int LARGE_BITS = 6;

    /** The fallback block orders (see {@link #clustered} for the ones tried first). */
    enum Arrangement {
        MODEL,
        /** Large options (dimensions, mostly) first, in model order; the others after them. */
        LARGE_FIRST
    }

    /** Whether the space has large options, so that the arrangements differ. */
    static boolean hasLargeOptions(SolutionSpace space) {
        return space.options().stream().anyMatch(o -> o.valueCount() > (1 << (LARGE_BITS - 1)));
    }

    /** The order, or empty when one variable carries values of two options. */
    static Optional<Order> of(SolutionSpace space, Arrangement arrangement) {
        List<Option> options = space.options();
        int[] bits = bits(options);
        Integer[] sequence = new Integer[options.size()];
        for (int o = 0; o < options.size(); o++) {
            sequence[o] = o;
        }
        if (arrangement == Arrangement.LARGE_FIRST) {
            // Stable: the large options keep their model order among themselves, and so do the others.
            Arrays.sort(sequence, (a, b) -> Boolean.compare(bits[b] >= LARGE_BITS, bits[a] >= LARGE_BITS));
        }
        return of(space, Arrays.stream(sequence).mapToInt(Integer::intValue).toArray());
    }

    /** The order with the option blocks in {@code sequence} (a permutation of the option indices). */
    static Optional<Order> of(SolutionSpace space, int[] blocks) {
        int variables = space.cnf().variableCount();
        List<Option> options = space.options();
        int[] optionOf = new int[variables + 1];
        int[] valueOf = new int[variables + 1];
        boolean[] positiveOf = new boolean[variables + 1];
        if (!assign(space, optionOf, valueOf, positiveOf)) {
            return Optional.empty();
        }
        int[] bits = bits(options);
        int total = Arrays.stream(bits).sum();
        int[] sequence = Arrays.copyOf(blocks, options.size() + 1);
        sequence[options.size()] = options.size();
        int[] rank = new int[options.size()];
        for (int i = 0; i < options.size(); i++) {
            rank[sequence[i]] = i;
        }
        int[] anchor = new int[variables + 1];
        Arrays.fill(anchor, -1);
        int[][] clauses = space.cnf().clauses();
        boolean changed = true;
        for (int round = 0; changed && round < 8; round++) {
            changed = false;
            for (int[] clause : clauses) {
                int last = -1;
                for (int lit : clause) {
                    int v = Math.abs(lit);
                    last = Math.max(last, optionOf[v] >= 0 ? rank[optionOf[v]] : round == 0 ? -1 : anchor[v]);
                }
                if (last < 0) {
                    continue;
                }
                for (int lit : clause) {
                    int v = Math.abs(lit);
                    if (optionOf[v] < 0 && anchor[v] < last && (round == 0 || anchor[v] < 0)) {
                        anchor[v] = last;
                        changed = true;
                    }
                }
            }
        }
        List<List<Integer>> auxiliaryAfter = new ArrayList<>();
        for (int o = 0; o <= options.size(); o++) {
            auxiliaryAfter.add(new ArrayList<>());
        }
        for (int v = 1; v <= variables; v++) {
            if (optionOf[v] < 0) {
                auxiliaryAfter
                        .get(anchor[v] >= 0 ? sequence[anchor[v]] : options.size())
                        .add(v);
            }
        }
        int levels = total + variables - countOptionVariables(optionOf);
        int[] blockOfLevel = new int[levels];
        int[] blockStart = new int[options.size()];
        int[] levelOfAuxiliary = new int[variables + 1];
        Arrays.fill(levelOfAuxiliary, -1);
        int level = 0;
        for (int position = 0; position <= options.size(); position++) {
            int o = sequence[position];
            if (o < options.size()) {
                blockStart[o] = level;
                for (int b = 0; b < bits[o]; b++) {
                    blockOfLevel[level++] = o;
                }
            }
            for (int v : auxiliaryAfter.get(o)) {
                levelOfAuxiliary[v] = level;
                blockOfLevel[level++] = -1;
            }
        }
        return Optional.of(new Order(
                levels,
                optionOf,
                valueOf,
                positiveOf,
                levelOfAuxiliary,
                blockOfLevel,
                blockStart,
                bits,
                Arrays.copyOf(sequence, options.size())));
    }

    /**
     * Block sequences that keep the options of each constraint close, best first: every clause (with the
     * clauses of an auxiliary variable taken together) is a hyperedge over its options, and the FORCE
     * heuristic (Aloul, Markov and Sakallah 2003) moves each option to the mean centre of its hyperedges,
     * 100 rounds, from the model order and from {@code starts - 1} seeded shuffles; each start gives the
     * sequence with the least total hyperedge span it passed, with the large options moved to the front
     * when {@code largeFirst}. Distinct sequences, by span ascending.
     */
    static List<int[]> clustered(SolutionSpace space, boolean largeFirst, int starts) {
        List<int[]> edges = edges(space);
        int n = space.options().size();
        int[] bits = bits(space.options());
        Random random = new Random(20261201L);
        Map<String, int[]> distinct = new LinkedHashMap<>();
        Map<String, Long> spans = new HashMap<>();
        for (int start = 0; start < starts; start++) {
            int[] sequence = new int[n];
            for (int o = 0; o < n; o++) {
                sequence[o] = o;
            }
            if (start > 0) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = sequence[i];
                    sequence[i] = sequence[j];
                    sequence[j] = t;
                }
            }
            int[] found = force(sequence, edges);
            if (largeFirst) {
                int[] moved = new int[n];
                int next = 0;
                for (int o : found) {
                    if (bits[o] >= LARGE_BITS) {
                        moved[next++] = o;
                    }
                }
                for (int o : found) {
                    if (bits[o] < LARGE_BITS) {
                        moved[next++] = o;
                    }
                }
                found = moved;
            }
            String key = Arrays.toString(found);
            if (distinct.putIfAbsent(key, found) == null) {
                spans.put(key, span(found, edges));
            }
        }
        List<String> keys = new ArrayList<>(distinct.keySet());
        keys.sort((a, b) -> Long.compare(spans.get(a), spans.get(b))); // stable: earlier starts first on ties
        List<int[]> out = new ArrayList<>();
        for (String k : keys) {
            out.add(distinct.get(k));
        }
        return out;
    }

    /** One FORCE run from {@code sequence}: the sequence of least span among its rounds. */
    private static int[] force(int[] sequence, List<int[]> edges) {
        int n = sequence.length;
        int[] best = sequence.clone();
        long bestSpan = span(best, edges);
        double[] place = new double[n];
        for (int i = 0; i < n; i++) {
            place[sequence[i]] = i;
        }
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] sum = new double[n];
            int[] count = new int[n];
            for (int[] edge : edges) {
                double centre = 0;
                for (int o : edge) {
                    centre += place[o];
                }
                centre /= edge.length;
                for (int o : edge) {
                    sum[o] += centre;
                    count[o]++;
                }
            }
            double[] target = new double[n];
            for (int o = 0; o < n; o++) {
                target[o] = count[o] == 0 ? place[o] : sum[o] / count[o];
            }
            Integer[] byTarget = new Integer[n];
            for (int o = 0; o < n; o++) {
                byTarget[o] = o;
            }
            Arrays.sort(
                    byTarget,
                    (a, b) -> target[a] != target[b]
                            ? Double.compare(target[a], target[b])
                            : Double.compare(place[a], place[b]));
            int[] next = new int[n];
            for (int i = 0; i < n; i++) {
                next[i] = byTarget[i];
                place[byTarget[i]] = i;
            }
            long span = span(next, edges);
            if (span < bestSpan) {
                bestSpan = span;
                best = next;
            }
        }
        return best;
    }

    /** The constraints' option sets: per clause without auxiliary variables, and per auxiliary variable. */
    static List<int[]> edges(SolutionSpace space) {
        int variables = space.cnf().variableCount();
        int[] optionOf = new int[variables + 1];
        int[] valueOf = new int[variables + 1];
        boolean[] positiveOf = new boolean[variables + 1];
        assign(space, optionOf, valueOf, positiveOf);
        List<int[]> edges = new ArrayList<>();
        int n = space.options().size();
        List<BitSet> viaAuxiliary = new ArrayList<>();
        for (int v = 0; v <= variables; v++) {
            viaAuxiliary.add(null);
        }
        Set<BitSet> seen = new HashSet<>();
        for (int[] clause : space.cnf().clauses()) {
            BitSet options = new BitSet(n);
            boolean auxiliary = false;
            for (int lit : clause) {
                int v = Math.abs(lit);
                if (optionOf[v] >= 0) {
                    options.set(optionOf[v]);
                } else {
                    auxiliary = true;
                }
            }
            if (auxiliary) {
                for (int lit : clause) {
                    int v = Math.abs(lit);
                    if (optionOf[v] < 0) {
                        if (viaAuxiliary.get(v) == null) {
                            viaAuxiliary.set(v, new BitSet(n));
                        }
                        viaAuxiliary.get(v).or(options);
                    }
                }
            } else if (options.cardinality() > 1 && seen.add(options)) {
                edges.add(options.stream().toArray());
            }
        }
        for (BitSet options : viaAuxiliary) {
            if (options != null && options.cardinality() > 1 && seen.add(options)) {
                edges.add(options.stream().toArray());
            }
        }
        return edges;
    }

    /** The sum over hyperedges of the distance between their first and last option in {@code sequence}. */
    static long span(int[] sequence, List<int[]> edges) {
        int[] at = new int[sequence.length];
        for (int i = 0; i < sequence.length; i++) {
            at[sequence[i]] = i;
        }
        long total = 0;
        for (int[] edge : edges) {
            int low = Integer.MAX_VALUE;
            int high = -1;
            for (int o : edge) {
                low = Math.min(low, at[o]);
                high = Math.max(high, at[o]);
            }
            total += high - low;
        }
        return total;
    }

    /** Fills the option, value and sign of every option variable; false when a variable is shared. */
    private static boolean assign(SolutionSpace space, int[] optionOf, int[] valueOf, boolean[] positiveOf) {
        List<Option> options = space.options();
        Arrays.fill(optionOf, -1);
        for (int o = 0; o < options.size(); o++) {
            Option option = options.get(o);
            for (int k = 0; k < option.valueCount(); k++) {
                int lit = option.literal(k);
                int v = Math.abs(lit);
                if (optionOf[v] >= 0) {
                    // A boolean's two values share one variable; anything else has no block.
                    boolean sameBoolean = optionOf[v] == o && option.onOneVariable();
                    if (!sameBoolean) {
                        return false;
                    }
                    continue;
                }
                optionOf[v] = o;
                valueOf[v] = k;
                positiveOf[v] = lit > 0;
            }
        }
        return true;
    }

    /** Bits per option: enough to hold its value index. */
    static int[] bits(List<Option> options) {
        int[] bits = new int[options.size()];
        for (int o = 0; o < options.size(); o++) {
            bits[o] =
                    Math.max(1, 32 - Integer.numberOfLeadingZeros(options.get(o).valueCount() - 1));
        }
        return bits;
    }

    private static int countOptionVariables(int[] optionOf) {
        int count = 0;
        for (int v = 1; v < optionOf.length; v++) {
            if (optionOf[v] >= 0) {
                count++;
            }
        }
        return count;
    }
}
