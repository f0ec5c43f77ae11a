package no.tilpass.engine.cutting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Martello–Toth reduction, its simplest dominance rules: an item that nothing else fits beside gets a
 * bin of its own, and an item beside which at most one other item fits (the two smallest others do not
 * fit together with it) shares a bin with the largest item that fits. Some optimal packing contains
 * these bins, so fixing them loses nothing. Works on positions of sizes in non-increasing order.
 */
record Reduction(List<int[]> fixedBins, int[] rest) {
    static Reduction of(int[] w, int capacity) {
        int n = w.length;
        boolean[] taken = new boolean[n];
        List<int[]> fixed = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                int room = capacity - w[i];
                // the two smallest free items other than i
                int small1 = -1;
                int small2 = -1;
                for (int j = n - 1; j >= 0 && small2 < 0; j--) {
                    if (j != i && !taken[j]) {
                        if (small1 < 0) {
                            small1 = j;
                        } else {
                            small2 = j;
                        }
                    }
                }
                if (small1 < 0 || w[small1] > room) {
                    taken[i] = true;
                    fixed.add(new int[] {i});
                    changed = true;
                    continue;
                }
                if (small2 >= 0 && w[small1] + w[small2] <= room) {
                    continue;
                }
                // at most one item fits beside i: take the largest that fits
                int partner = -1;
                for (int j = 0; j < n; j++) {
                    if (j != i && !taken[j] && w[j] <= room) {
                        partner = j;
                        break;
                    }
                }
                taken[i] = true;
                taken[partner] = true;
                fixed.add(new int[] {i, partner});
                changed = true;
            }
        }
        int[] rest = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!taken[i]) {
                rest[count++] = i;
            }
        }
        return new Reduction(List.copyOf(fixed), Arrays.copyOf(rest, count));
    }
}
