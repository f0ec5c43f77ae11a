package no.tilpass.engine.cutting;

/**
 * Lower bounds on the number of bins for item sizes sorted in non-increasing order: the continuous
 * bound L1, Martello and Toth's L2, and the Fekete–Schepers dual-feasible-function bounds.
 */
final class LowerBounds {
    private LowerBounds() {}

    /** ceil(sum / capacity). */
    static int continuous(int[] desc, int capacity) {
        long sum = 0;
        for (int w : desc) {
            sum += w;
        }
        return (int) ((sum + capacity - 1) / capacity);
    }

    /** Martello–Toth L2, maximised over every threshold K that is an item size at most C/2 (and 0). */
    static int martelloToth(int[] desc, int capacity) {
        int n = desc.length;
        if (n == 0) {
            return 0;
        }
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + desc[i];
        }
        // big = number of items strictly larger than C/2 (they come first in desc order)
        int big = 0;
        while (big < n && 2L * desc[big] > capacity) {
            big++;
        }
        int best = continuous(desc, capacity);
        int previous = -1;
        for (int t = n; t >= big; t--) {
            int k = t == n ? 0 : desc[t];
            if (k == previous) {
                continue;
            }
            previous = k;
            // J1: w > C - K, among the big items (index < big)
            int j1 = countGreater(desc, big, capacity - k);
            int n2 = big - j1;
            long sum2 = prefix[big] - prefix[j1];
            // J3: K <= w <= C/2 : indices big .. lastAtLeast(k)
            int end = countAtLeast(desc, k);
            long sum3 = prefix[end] - prefix[big];
            long free = (long) n2 * capacity - sum2;
            long rest = sum3 - free;
            int value = j1 + n2 + (rest > 0 ? (int) ((rest + capacity - 1) / capacity) : 0);
            best = Math.max(best, value);
        }
        return best;
    }

    /**
     * The Fekete–Schepers bounds: max over thresholds and k of ceil(sum u_k(f(w)) / C) where f maps items
     * above C − λ to C and below λ to 0, and u_k is their staircase dual feasible function.
     */
    static int feketeSchepers(int[] desc, int capacity, int maxK) {
        int n = desc.length;
        int best = 0;
        int previous = -1;
        for (int t = n; t >= 0; t--) {
            int lambda = t == n ? 0 : desc[t];
            if (2L * lambda > capacity || lambda == previous) {
                continue;
            }
            previous = lambda;
            for (int k = 1; k <= maxK; k++) {
                // sum of u_k scaled by k to stay in integers: u_k(x) = x if (k+1)x/C integral,
                // else floor((k+1)x/C) * C / k. Compare sum*k against C*k.
                long scaled = 0;
                for (int w : desc) {
                    long x;
                    if (w > capacity - lambda) {
                        scaled += (long) capacity * k;
                        continue;
                    } else if (w < lambda) {
                        continue;
                    } else {
                        x = w;
                    }
                    long times = (k + 1) * x;
                    if (times % capacity == 0) {
                        scaled += x * k;
                    } else {
                        scaled += (times / capacity) * capacity;
                    }
                }
                long denominator = (long) capacity * k;
                int value = (int) ((scaled + denominator - 1) / denominator);
                best = Math.max(best, value);
            }
        }
        return best;
    }

    /** Number of items (in desc order, among the first {@code limit}) strictly greater than {@code v}. */
    private static int countGreater(int[] desc, int limit, long v) {
        int lo = 0;
        int hi = limit;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (desc[mid] > v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of items greater than or equal to {@code v}. */
    private static int countAtLeast(int[] desc, long v) {
        int lo = 0;
        int hi = desc.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (desc[mid] >= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
