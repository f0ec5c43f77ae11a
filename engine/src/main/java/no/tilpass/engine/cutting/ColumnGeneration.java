package no.tilpass.engine.cutting;

import java.util.Arrays;

/**
 * The linear-programming (Gilmore–Gomory) lower bound by column generation: a revised simplex with a
 * dense basis inverse on the pattern formulation, priced by a bounded knapsack solved by dynamic
 * programming over the capacity (sizes and capacity scaled down, rounding down, when capacity × distinct
 * sizes is large: a relaxation, so the bound stays valid but may be weaker). Every iteration's duals
 * give a Farley bound (demand-weighted duals divided by the best pattern's dual value), valid whatever
 * the rounding errors of the simplex, so the bound returned is safe even when the time runs out first.
 */
final class ColumnGeneration {
    private static final double EPS = 1e-9;
    private static final int MAX_ITERATIONS = 5_000;
    /** Largest capacity × distinct sizes priced exactly; above it the pricing scales sizes down. */
    static final long WORK_LIMIT = 3_000_000;

    private ColumnGeneration() {}

    /** A lower bound on the bins for {@code desc} (sizes in non-increasing order); 0 when none found. */
    static int bound(int[] desc, int capacity, long deadline) {
        if (desc.length == 0) {
            return 0;
        }
        // distinct sizes and demands
        int m = 0;
        int[] size = new int[desc.length];
        int[] demand = new int[desc.length];
        for (int i = 0; i < desc.length; i++) {
            if (m > 0 && size[m - 1] == desc[i]) {
                demand[m - 1]++;
            } else {
                size[m] = desc[i];
                demand[m++] = 1;
            }
        }
        size = Arrays.copyOf(size, m);
        demand = Arrays.copyOf(demand, m);
        // pricing works on sizes and capacity divided by q, rounded down: every real pattern stays a
        // pattern there, so its best value bounds the real one from above and the Farley bound stays valid
        long q = Math.max(1, ((long) capacity * m + WORK_LIMIT - 1) / WORK_LIMIT);
        int[] limit = new int[m];
        int[] pricedSize = new int[m];
        for (int k = 0; k < m; k++) {
            limit[k] = Math.min(demand[k], capacity / size[k]);
            pricedSize[k] = (int) (size[k] / q);
        }
        int pricedCapacity = (int) (capacity / q);
        double[][] inverse = new double[m][m];
        double[] x = new double[m];
        double[] cost = new double[m];
        for (int i = 0; i < m; i++) {
            int copies = Math.min(demand[i], capacity / size[i]);
            inverse[i][i] = 1.0 / copies;
            x[i] = (double) demand[i] / copies;
            cost[i] = 1;
        }
        double best = 0;
        double[] dual = new double[m];
        double[] column = new double[m];
        double[] direction = new double[m];
        for (int iteration = 0; iteration < MAX_ITERATIONS && System.nanoTime() < deadline; iteration++) {
            for (int k = 0; k < m; k++) {
                double v = 0;
                for (int r = 0; r < m; r++) {
                    v += cost[r] * inverse[r][k];
                }
                dual[k] = v;
            }
            int negative = -1;
            for (int k = 0; k < m; k++) {
                if (dual[k] < -EPS && (negative < 0 || dual[k] < dual[negative])) {
                    negative = k;
                }
            }
            double enteringCost;
            if (negative >= 0) {
                Arrays.fill(column, 0);
                column[negative] = -1;
                enteringCost = 0;
            } else {
                int[] pattern = dynamicKnapsack(pricedSize, limit, dual, pricedCapacity);
                double value = 0;
                for (int k = 0; k < m; k++) {
                    value += pattern[k] * dual[k];
                }
                if (value > EPS) {
                    double numerator = 0;
                    for (int k = 0; k < m; k++) {
                        numerator += demand[k] * Math.max(0, dual[k]);
                    }
                    best = Math.max(best, numerator / value);
                }
                if (value <= 1 + EPS) {
                    break;
                }
                for (int k = 0; k < m; k++) {
                    column[k] = pattern[k];
                }
                enteringCost = 1;
            }
            for (int r = 0; r < m; r++) {
                double v = 0;
                double[] row = inverse[r];
                for (int k = 0; k < m; k++) {
                    v += row[k] * column[k];
                }
                direction[r] = v;
            }
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < m; r++) {
                if (direction[r] > EPS) {
                    double t = Math.max(0, x[r]) / direction[r];
                    if (t < ratio - EPS || (t < ratio + EPS && leaving >= 0 && direction[r] > direction[leaving])) {
                        ratio = t;
                        leaving = r;
                    }
                }
            }
            if (leaving < 0) {
                break; // unbounded cannot happen for this LP; stop defensively
            }
            double pivot = direction[leaving];
            double[] leavingRow = inverse[leaving];
            for (int k = 0; k < m; k++) {
                leavingRow[k] /= pivot;
            }
            x[leaving] /= pivot;
            for (int r = 0; r < m; r++) {
                if (r == leaving || direction[r] == 0) {
                    continue;
                }
                double factor = direction[r];
                double[] row = inverse[r];
                for (int k = 0; k < m; k++) {
                    row[k] -= factor * leavingRow[k];
                }
                x[r] -= factor * x[leaving];
            }
            cost[leaving] = enteringCost;
        }
        return best <= 0 ? 0 : (int) Math.ceil(best - 1e-6);
    }

    /**
     * Bounded knapsack by dynamic programming over the capacity (binary splitting of multiplicities):
     * maximise dual·a with a_k ≤ limit_k and size·a ≤ capacity; sizes may be 0.
     */
    private static int[] dynamicKnapsack(int[] size, int[] limit, double[] dual, int capacity) {
        int m = size.length;
        int[] pattern = new int[m];
        int[] chunkType = new int[m * 32];
        int[] chunkCount = new int[m * 32];
        int chunks = 0;
        for (int k = 0; k < m; k++) {
            if (dual[k] <= EPS) {
                continue;
            }
            if (size[k] == 0) {
                pattern[k] = limit[k];
                continue;
            }
            int left = Math.min(limit[k], capacity / size[k]);
            for (int c = 1; left > 0; c <<= 1) {
                int take = Math.min(c, left);
                chunkType[chunks] = k;
                chunkCount[chunks++] = take;
                left -= take;
            }
        }
        double[] best = new double[capacity + 1];
        long[][] took = new long[chunks][];
        for (int c = 0; c < chunks; c++) {
            int k = chunkType[c];
            int weight = chunkCount[c] * size[k];
            double gain = chunkCount[c] * dual[k];
            long[] bits = new long[(capacity >>> 6) + 1];
            for (int r = capacity; r >= weight; r--) {
                double candidate = best[r - weight] + gain;
                if (candidate > best[r] + 1e-12) {
                    best[r] = candidate;
                    bits[r >>> 6] |= 1L << (r & 63);
                }
            }
            took[c] = bits;
        }
        int r = capacity;
        for (int c = chunks - 1; c >= 0; c--) {
            if ((took[c][r >>> 6] & (1L << (r & 63))) != 0) {
                pattern[chunkType[c]] += chunkCount[c];
                r -= chunkCount[c] * size[chunkType[c]];
            }
        }
        return pattern;
    }
}
