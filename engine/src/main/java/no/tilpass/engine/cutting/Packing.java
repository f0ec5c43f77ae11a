package no.tilpass.engine.cutting;

import java.util.ArrayList;
import java.util.List;

/**
 * A bin packing: {@code bins} lists, per bin, the indices (into the caller's size array) of its items;
 * {@code lowerBound} is the best lower bound found on the number of bins; {@code optimal} is true when
 * the number of bins is proven minimal (it equals the lower bound, or the exact search refuted one bin
 * fewer).
 */
public record Packing(List<List<Integer>> bins, int lowerBound, boolean optimal) {
    public Packing {
        List<List<Integer>> copy = new ArrayList<>(bins.size());
        for (List<Integer> bin : bins) {
            copy.add(List.copyOf(bin));
        }
        bins = List.copyOf(copy);
    }

    /** The number of bins used. */
    public int binCount() {
        return bins.size();
    }
}
