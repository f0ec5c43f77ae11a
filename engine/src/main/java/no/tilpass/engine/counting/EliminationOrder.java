package no.tilpass.engine.counting;

import java.util.Arrays;
import java.util.BitSet;
import java.util.PriorityQueue;

/**
 * A greedy min-degree elimination order of the primal graph (variables adjacent when they share a
 * clause). Variables eliminated late sit at the top of the implied tree decomposition: they separate the
 * graph, so the counter branches on them first.
 */
final class EliminationOrder {
    /** Above this many variables the quadratic-memory computation is skipped. */
    static final int MAX_VARIABLES = 8000;

    private EliminationOrder() {}

    /**
     * Per variable {@code 1..n}, its position in the elimination order (1 = first eliminated). Above
     * {@link #MAX_VARIABLES} variables, the order is by number of occurrences instead (most last).
     */
    static int[] ranks(int n, int[][] clauses) {
        if (n > MAX_VARIABLES) {
            return byOccurrences(n, clauses);
        }
        int[] rank = new int[n + 1];
        BitSet[] adjacent = new BitSet[n + 1];
        for (int v = 1; v <= n; v++) {
            adjacent[v] = new BitSet(n + 1);
        }
        for (int[] clause : clauses) {
            for (int a : clause) {
                for (int b : clause) {
                    adjacent[Math.abs(a)].set(Math.abs(b));
                }
            }
        }
        int[] degree = new int[n + 1];
        PriorityQueue<long[]> queue =
                new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        for (int v = 1; v <= n; v++) {
            adjacent[v].clear(v);
            degree[v] = adjacent[v].cardinality();
            queue.add(new long[] {degree[v], v});
        }
        int position = 0;
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int v = (int) top[1];
            if (rank[v] != 0 || top[0] != degree[v]) {
                continue;
            }
            rank[v] = ++position;
            BitSet neighbours = adjacent[v];
            for (int u = neighbours.nextSetBit(0); u >= 0; u = neighbours.nextSetBit(u + 1)) {
                BitSet set = adjacent[u];
                set.or(neighbours);
                set.clear(u);
                set.clear(v);
                int d = set.cardinality();
                if (d != degree[u]) {
                    degree[u] = d;
                    queue.add(new long[] {d, u});
                }
            }
            adjacent[v] = null;
        }
        return rank;
    }

    private static int[] byOccurrences(int n, int[][] clauses) {
        long[] keyed = new long[n];
        int[] count = new int[n + 1];
        for (int[] clause : clauses) {
            for (int lit : clause) {
                count[Math.abs(lit)]++;
            }
        }
        for (int v = 1; v <= n; v++) {
            keyed[v - 1] = ((long) count[v] << 32) | v;
        }
        Arrays.sort(keyed);
        int[] rank = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rank[(int) keyed[i]] = i + 1;
        }
        return rank;
    }
}
