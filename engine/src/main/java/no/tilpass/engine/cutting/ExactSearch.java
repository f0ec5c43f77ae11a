package no.tilpass.engine.cutting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact feasibility test: can the items (positions in non-increasing size order) be packed into
 * {@code bins} bins? Depth-first assignment of items to bins in size order, with symmetry breaking
 * (bins of equal load are tried once, one empty bin at a time) and a waste bound. Gives up after a
 * node limit or the deadline.
 */
final class ExactSearch {
    /** The answer. */
    enum Answer {
        FEASIBLE,
        INFEASIBLE,
        UNKNOWN
    }

    private final int[] w;
    private final int[] items;
    private final int capacity;
    private final int bins;
    private final long nodeLimit;
    private final long deadline;
    private final int[] load;
    private final int[] binOf;
    private final long[] suffix;
    private long nodes;
    private boolean gaveUp;

    ExactSearch(int[] w, int[] items, int capacity, int bins, long nodeLimit, long deadline) {
        this.w = w;
        this.items = items.clone();
        this.capacity = capacity;
        this.bins = bins;
        this.nodeLimit = nodeLimit;
        this.deadline = deadline;
        this.load = new int[bins];
        this.binOf = new int[items.length];
        this.suffix = new long[items.length + 1];
        for (int i = items.length - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + w[items[i]];
        }
    }

    Answer run() {
        if (bins <= 0) {
            return items.length == 0 ? Answer.FEASIBLE : Answer.INFEASIBLE;
        }
        if (suffix[0] > (long) bins * capacity) {
            return Answer.INFEASIBLE;
        }
        if (dfs(0, 0, 0)) {
            return Answer.FEASIBLE;
        }
        return gaveUp ? Answer.UNKNOWN : Answer.INFEASIBLE;
    }

    /** The packing found by a FEASIBLE run. */
    List<int[]> packing() {
        List<int[]> result = new ArrayList<>();
        int[] counts = new int[bins];
        for (int i = 0; i < items.length; i++) {
            counts[binOf[i]]++;
        }
        int[][] contents = new int[bins][];
        for (int b = 0; b < bins; b++) {
            contents[b] = new int[counts[b]];
        }
        int[] fill = new int[bins];
        for (int i = 0; i < items.length; i++) {
            int b = binOf[i];
            contents[b][fill[b]++] = items[i];
        }
        for (int[] content : contents) {
            if (content.length > 0) {
                result.add(content);
            }
        }
        return result;
    }

    private boolean dfs(int index, int used, long wasted) {
        if (index == items.length) {
            return true;
        }
        if (++nodes > nodeLimit || ((nodes & 1023) == 0 && System.nanoTime() > deadline)) {
            gaveUp = true;
            return false;
        }
        int size = w[items[index]];
        int smallest = w[items[items.length - 1]];
        long slack = (long) bins * capacity - suffix[0];
        int[] tried = new int[Math.min(used + 1, bins)];
        int triedCount = 0;
        for (int b = 0; b < used + 1 && b < bins; b++) {
            if (load[b] + size > capacity) {
                continue;
            }
            boolean seen = false;
            for (int t = 0; t < triedCount; t++) {
                if (tried[t] == load[b]) {
                    seen = true;
                    break;
                }
            }
            if (seen) {
                continue;
            }
            tried[triedCount++] = load[b];
            load[b] += size;
            long residual = capacity - load[b];
            long addedWaste = index + 1 < items.length && residual < smallest ? residual : 0;
            if (wasted + addedWaste <= slack) {
                binOf[index] = b;
                if (dfs(index + 1, b == used ? used + 1 : used, wasted + addedWaste)) {
                    return true;
                }
            }
            load[b] -= size;
            if (gaveUp) {
                return false;
            }
            if (load[b] == 0) {
                break;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ExactSearch" + Arrays.toString(load);
    }
}
