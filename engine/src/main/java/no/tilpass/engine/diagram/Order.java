package no.tilpass.engine.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * The variables of a diagram and their order. Every option becomes a block of bits holding its value
 * index in binary, most significant bit first (one bit for a boolean, eight for 201 values), blocks in
 * model order or with the large options moved to the end or the start ({@link Arrangement}). The CNF's auxiliary variables get a level of their own right after the last option block
 * they share a clause with; the compilation quantifies them away, so the finished diagram tests option
 * bits only.
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

    /** Where the blocks of large options (dimensions, mostly) go; the others keep model order. */
    enum Arrangement {
        MODEL,
        LARGE_LAST,
        LARGE_FIRST
    }

    /** Whether the space has large options, so that the arrangements differ. */
    static boolean hasLargeOptions(SolutionSpace space) {
        return space.options().stream().anyMatch(o -> o.valueCount() > (1 << (LARGE_BITS - 1)));
    }

    /** The order, or empty when one variable carries values of two options. */
    static Optional<Order> of(SolutionSpace space, Arrangement arrangement) {
        int variables = space.cnf().variableCount();
        List<Option> options = space.options();
        int[] optionOf = new int[variables + 1];
        int[] valueOf = new int[variables + 1];
        boolean[] positiveOf = new boolean[variables + 1];
        Arrays.fill(optionOf, -1);
        for (int o = 0; o < options.size(); o++) {
            Option option = options.get(o);
            for (int k = 0; k < option.valueCount(); k++) {
                int lit = option.literal(k);
                int v = Math.abs(lit);
                if (optionOf[v] >= 0) {
                    // A boolean's two values share one variable; anything else has no block.
                    boolean sameBoolean = optionOf[v] == o && option.valueCount() == 2 && lit == -option.literal(0);
                    if (!sameBoolean) {
                        return Optional.empty();
                    }
                    continue;
                }
                optionOf[v] = o;
                valueOf[v] = k;
                positiveOf[v] = lit > 0;
            }
        }
        int[] bits = new int[options.size()];
        int total = 0;
        for (int o = 0; o < options.size(); o++) {
            int n = options.get(o).valueCount();
            bits[o] = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
            total += bits[o];
        }
        Integer[] sequence = new Integer[options.size() + 1];
        for (int o = 0; o <= options.size(); o++) {
            sequence[o] = o;
        }
        if (arrangement != Arrangement.MODEL) {
            boolean last = arrangement == Arrangement.LARGE_LAST;
            // Stable: the large options keep their model order among themselves, and so do the others.
            Arrays.sort(
                    sequence,
                    0,
                    options.size(),
                    (a, b) -> last
                            ? Boolean.compare(bits[a] >= LARGE_BITS, bits[b] >= LARGE_BITS)
                            : Boolean.compare(bits[b] >= LARGE_BITS, bits[a] >= LARGE_BITS));
        }
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
                Arrays.stream(sequence, 0, options.size())
                        .mapToInt(Integer::intValue)
                        .toArray()));
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
