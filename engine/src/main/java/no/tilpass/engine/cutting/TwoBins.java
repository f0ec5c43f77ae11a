package no.tilpass.engine.cutting;

import java.util.Arrays;

/** Splits a set of items into two bins, by subset-sum dynamic programming over bitsets. */
final class TwoBins {
    private TwoBins() {}

    /**
     * A subset of {@code items} whose total lies in [total − capacity, capacity], so that it and the
     * rest each fit into one bin; null when no such subset exists.
     */
    static int[] split(int[] w, int[] items, int capacity) {
        long total = 0;
        for (int item : items) {
            total += w[item];
        }
        if (total > 2L * capacity) {
            return null;
        }
        long low = Math.max(0, total - capacity);
        if (low == 0) {
            return new int[0];
        }
        int words = (capacity >>> 6) + 1;
        long[][] reach = new long[items.length + 1][];
        long[] current = new long[words];
        current[0] = 1L;
        reach[0] = current;
        for (int k = 0; k < items.length; k++) {
            long[] next = current.clone();
            shiftOr(current, next, w[items[k]], capacity);
            reach[k + 1] = next;
            current = next;
        }
        int target = -1;
        for (int sum = (int) low; sum <= capacity; sum++) {
            if (get(current, sum)) {
                target = sum;
                break;
            }
        }
        if (target < 0) {
            return null;
        }
        int[] chosen = new int[items.length];
        int count = 0;
        int sum = target;
        for (int k = items.length; k > 0 && sum > 0; k--) {
            if (!get(reach[k - 1], sum)) {
                chosen[count++] = items[k - 1];
                sum -= w[items[k - 1]];
            }
        }
        return Arrays.copyOf(chosen, count);
    }

    private static void shiftOr(long[] from, long[] into, int shift, int capacity) {
        int wordShift = shift >>> 6;
        int bitShift = shift & 63;
        for (int i = into.length - 1; i >= wordShift; i--) {
            int src = i - wordShift;
            long v = from[src] << bitShift;
            if (bitShift != 0 && src > 0) {
                v |= from[src - 1] >>> (64 - bitShift);
            }
            into[i] |= v;
        }
        int extra = (capacity & 63) + 1;
        if (extra < 64) {
            into[into.length - 1] &= (1L << extra) - 1;
        }
    }

    private static boolean get(long[] bits, int index) {
        return (bits[index >>> 6] & (1L << (index & 63))) != 0;
    }
}
