package no.tilpass.engine.cutting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Constructive heuristics on sizes sorted in non-increasing order. A packing is a list of bins, each an
 * int array of positions into the sorted size array.
 */
final class Constructive {
    private Constructive() {}

    /** First fit decreasing over the given positions (already in non-increasing size order). */
    static List<int[]> firstFitDecreasing(int[] w, int[] items, int capacity) {
        List<IntList> bins = new ArrayList<>();
        int[] load = new int[items.length];
        int count = 0;
        for (int item : items) {
            int placed = -1;
            for (int b = 0; b < count; b++) {
                if (load[b] + w[item] <= capacity) {
                    placed = b;
                    break;
                }
            }
            if (placed < 0) {
                placed = count++;
                bins.add(new IntList());
            }
            load[placed] += w[item];
            bins.get(placed).add(item);
        }
        return toArrays(bins);
    }

    /** Best fit decreasing over the given positions. */
    static List<int[]> bestFitDecreasing(int[] w, int[] items, int capacity) {
        List<IntList> bins = new ArrayList<>();
        int[] load = new int[items.length];
        int count = 0;
        for (int item : items) {
            int placed = -1;
            int bestResidual = Integer.MAX_VALUE;
            for (int b = 0; b < count; b++) {
                int residual = capacity - load[b] - w[item];
                if (residual >= 0 && residual < bestResidual) {
                    bestResidual = residual;
                    placed = b;
                }
            }
            if (placed < 0) {
                placed = count++;
                bins.add(new IntList());
            }
            load[placed] += w[item];
            bins.get(placed).add(item);
        }
        return toArrays(bins);
    }

    /**
     * Minimum bin slack (Gupta and Ho, with Fleszar and Hindi's variant): each new bin takes the largest
     * remaining item and the subset of the other remaining items that leaves the least slack, found by a
     * depth-first search of at most {@code nodeLimit} nodes per bin.
     */
    static List<int[]> minimumBinSlack(int[] w, int[] items, int capacity, long nodeLimit) {
        List<int[]> bins = new ArrayList<>();
        boolean[] used = new boolean[w.length];
        int remaining = items.length;
        int[] order = items.clone();
        while (remaining > 0) {
            int[] free = new int[remaining];
            int f = 0;
            for (int item : order) {
                if (!used[item]) {
                    free[f++] = item;
                }
            }
            int first = free[0];
            int[] chosen = new SubsetFill(w, Arrays.copyOfRange(free, 1, f), capacity - w[first], 0, nodeLimit).run();
            if (chosen == null) { // nothing else fits beside the first item
                chosen = new int[0];
            }
            int[] bin = new int[chosen.length + 1];
            bin[0] = first;
            System.arraycopy(chosen, 0, bin, 1, chosen.length);
            for (int item : bin) {
                used[item] = true;
            }
            remaining -= bin.length;
            bins.add(bin);
        }
        return bins;
    }

    static List<int[]> toArrays(List<IntList> bins) {
        List<int[]> result = new ArrayList<>(bins.size());
        for (IntList bin : bins) {
            result.add(bin.toArray());
        }
        return result;
    }

    /** A growable int list. */
    static final class IntList {
        private int[] data = new int[4];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int size() {
            return size;
        }

        int get(int i) {
            return data[i];
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
