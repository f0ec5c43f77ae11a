package no.tilpass.engine.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.tilpass.engine.sat.SatSolver;

/**
 * Encodes {@code sum(w_i * x_i) <= K} for positive weights into the solver as a reduced ordered BDD whose
 * nodes are memoised by the interval of bounds they stand for (Abío, Nieuwenhuis, Oliveras and
 * Rodríguez-Carbonell, "A New Look at BDDs for Pseudo-Boolean Constraints", JAIR 2012). Only the
 * direction needed for minimisation is encoded: a node variable implies its function. One encoder serves
 * every bound {@code K} of a search, sharing nodes; {@link #atMost} returns a literal to assume.
 */
final class BoundEncoder {
    /** Returned by {@link #atMost} when the bound holds for every assignment. */
    static final int TRUE = Integer.MAX_VALUE;
    /** Returned by {@link #atMost} when the bound holds for no assignment. */
    static final int FALSE = Integer.MIN_VALUE;

    /** Thrown when the diagram would exceed its node limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("bound encoding exceeds its node limit", null, false, false);
        }
    }

    private record Node(long low, long high, int literal) {}

    private final SatSolver solver;
    private final int[] literals;
    private final long[] weights;
    private final long[] suffix;
    private final List<TreeMap<Long, Node>> levels;
    private final int nodeLimit;
    private int nodes;

    /** {@code literals[i]} with weight {@code weights[i] > 0}; best sorted by descending weight. */
    BoundEncoder(SatSolver solver, int[] literals, long[] weights, int nodeLimit) {
        this.solver = solver;
        this.literals = literals.clone();
        this.weights = weights.clone();
        this.nodeLimit = nodeLimit;
        int n = literals.length;
        suffix = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            suffix[i] = Math.addExact(suffix[i + 1], weights[i]);
        }
        levels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            levels.add(new TreeMap<>());
        }
    }

    /** Number of node variables created so far. */
    int nodeCount() {
        return nodes;
    }

    /** A literal that implies {@code sum <= bound}, or {@link #TRUE} / {@link #FALSE}. */
    int atMost(long bound) {
        return build(0, bound).literal;
    }

    private Node build(int i, long k) {
        if (k < 0) {
            return new Node(Long.MIN_VALUE, -1, FALSE);
        }
        if (k >= suffix[i]) {
            return new Node(suffix[i], Long.MAX_VALUE, TRUE);
        }
        TreeMap<Long, Node> level = levels.get(i);
        Map.Entry<Long, Node> e = level.floorEntry(k);
        if (e != null && e.getValue().high >= k) {
            return e.getValue();
        }
        Node without = build(i + 1, k);
        Node with = build(i + 1, k - weights[i]);
        long low = Math.max(without.low, saturatedAdd(with.low, weights[i]));
        long high = Math.min(without.high, saturatedAdd(with.high, weights[i]));
        int literal;
        if (without.literal == with.literal) {
            literal = without.literal;
        } else {
            if (++nodes > nodeLimit) {
                throw new TooLarge();
            }
            literal = solver.newVariable();
            // literal -> (x_i -> with) and literal -> without
            if (with.literal == FALSE) {
                solver.addClause(-literal, -literals[i]);
            } else if (with.literal != TRUE) {
                solver.addClause(-literal, -literals[i], with.literal);
            }
            if (without.literal == FALSE) {
                solver.addClause(-literal);
            } else if (without.literal != TRUE) {
                solver.addClause(-literal, without.literal);
            }
        }
        Node node = new Node(low, high, literal);
        level.put(low, node);
        return node;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }
}
