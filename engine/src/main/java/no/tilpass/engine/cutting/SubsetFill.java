package no.tilpass.engine.cutting;

import java.util.Arrays;

/**
 * Depth-first subset-sum search for the candidates (positions in {@code w}, sizes non-increasing) whose
 * total is as large as possible in (floor, capacity], within a node limit. Used to fill one bar: by the
 * minimum-bin-slack construction and by the neighbourhood search's repacking.
 */
final class SubsetFill {
    private final int[] w;
    private final int[] candidates;
    private final int capacity;
    private final long nodeLimit;
    private final long[] suffix;
    private final int[] stack;
    private int[] best;
    private int bestSum;
    private long nodes;

    SubsetFill(int[] w, int[] candidates, int capacity, int floor, long nodeLimit) {
        this.w = w;
        this.candidates = candidates;
        this.capacity = capacity;
        this.nodeLimit = nodeLimit;
        this.bestSum = floor;
        this.suffix = new long[candidates.length + 1];
        for (int i = candidates.length - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + w[candidates[i]];
        }
        this.stack = new int[candidates.length];
    }

    int[] run() {
        dfs(0, 0, 0);
        return best;
    }

    private boolean dfs(int from, int depth, int sum) {
        if (sum > bestSum) {
            bestSum = sum;
            best = Arrays.copyOf(stack, depth);
            if (sum == capacity) {
                return true;
            }
        }
        if (++nodes > nodeLimit || sum + suffix[from] <= bestSum) {
            return nodes > nodeLimit;
        }
        int lastSize = -1;
        for (int i = from; i < candidates.length; i++) {
            int size = w[candidates[i]];
            if (size == lastSize || sum + size > capacity) {
                continue;
            }
            if (sum + suffix[i] <= bestSum) {
                return false;
            }
            lastSize = size;
            stack[depth] = candidates[i];
            if (dfs(i + 1, depth + 1, sum + size)) {
                return true;
            }
        }
        return false;
    }
}
