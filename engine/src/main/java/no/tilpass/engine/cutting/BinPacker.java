package no.tilpass.engine.cutting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one-dimensional bin-packing optimizer. Order of work: Martello–Toth reduction (bins whose content
 * is dominant are fixed), lower bounds (L2 and Fekete–Schepers), first fit / best fit decreasing and
 * minimum bin slack, then consistent neighbourhood search towards the lower bound, and an exact search
 * on small instances that either finds a better packing or proves the current one optimal. Stops as
 * soon as the bins equal the lower bound, or at the time limit. Deterministic for a given seed as long
 * as the time limit is not reached.
 */
public final class BinPacker {
    /** Largest capacity accepted (keeps every sum of two sizes in 31 bits). */
    public static final int MAX_CAPACITY = 1 << 29;

    private static final long MBS_NODE_LIMIT = 20_000;
    private static final int EXACT_MAX_ITEMS = 60;
    /** The neighbourhood search keeps m − 2 bins for a target of m − 1: it needs at least 4 bins. */
    private static final int MIN_SEARCH_BINS = 4;

    private static final long COLUMN_GENERATION_NANOS = 2_000_000_000L;
    private static final long RESTART_SLICE_NANOS = 500_000_000L;
    private static final long EXACT_QUICK_NODES = 50_000;
    private static final long EXACT_NODE_LIMIT = 2_000_000;

    private BinPacker() {}

    /**
     * Packs {@code sizes} into as few bins of {@code capacity} as it can within {@code limit}.
     *
     * @throws IllegalArgumentException when the capacity is not in 1..{@link #MAX_CAPACITY} or a size is
     *     not in 1..capacity (callers validate user input first; this is a programming error)
     */
    public static Packing pack(int[] sizes, int capacity, Duration limit, long seed) {
        long start = System.nanoTime();
        // a safety margin (5 %, at most 300 ms) for the steps that check the clock only now and then
        long budget = Math.max(0, limit.toNanos());
        long deadline = start + budget - Math.min(budget / 20, 300_000_000L);
        if (capacity <= 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be in 1.." + MAX_CAPACITY + ", was " + capacity);
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] <= 0 || sizes[i] > capacity) {
                throw new IllegalArgumentException(
                        "size " + i + " must be in 1.." + capacity + " (the capacity), was " + sizes[i]);
            }
        }
        int n = sizes.length;
        if (n == 0) {
            return new Packing(List.of(), 0, true);
        }
        // positions in non-increasing size order; originalOf maps back
        Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingInt((Integer i) -> -sizes[i]).thenComparingInt(i -> i));
        int[] originalOf = new int[n];
        int[] w = new int[n];
        for (int p = 0; p < n; p++) {
            originalOf[p] = boxed[p];
            w[p] = sizes[boxed[p]];
        }
        Reduction reduction = Reduction.of(w, capacity);
        int fixed = reduction.fixedBins().size();
        int[] rest = reduction.rest();
        int[] restSizes = new int[rest.length];
        for (int i = 0; i < rest.length; i++) {
            restSizes[i] = w[rest[i]];
        }
        int restBound = Math.max(
                LowerBounds.martelloToth(restSizes, capacity), LowerBounds.feketeSchepers(restSizes, capacity, 12));
        int lowerBound = Math.max(
                fixed + restBound,
                Math.max(LowerBounds.martelloToth(w, capacity), LowerBounds.feketeSchepers(w, capacity, 12)));
        int restTarget = lowerBound - fixed;

        List<List<int[]>> starts = new ArrayList<>();
        starts.add(Constructive.firstFitDecreasing(w, rest, capacity));
        List<int[]> best = starts.get(0);
        if (best.size() > restTarget) {
            starts.add(Constructive.bestFitDecreasing(w, rest, capacity));
            starts.add(Constructive.minimumBinSlack(w, rest, capacity, MBS_NODE_LIMIT));
            for (List<int[]> packing : starts) {
                best = better(best, packing);
            }
        }
        boolean optimal = best.size() <= restTarget;
        if (!optimal && (rest.length <= EXACT_MAX_ITEMS || best.size() < MIN_SEARCH_BINS)) {
            // small: a short exact search settles most of them at once
            ExactResult exact = exact(w, rest, capacity, best, restTarget, EXACT_QUICK_NODES, deadline);
            best = exact.packing();
            optimal = exact.optimal();
        }
        if (!optimal) {
            long now = System.nanoTime();
            long firstStop = Math.min(deadline, now + Math.min((deadline - now) / 4, 1_000_000_000L));
            best = new NeighbourhoodSearch(w, capacity, seed, firstStop).improve(best, restTarget);
            optimal = best.size() <= restTarget;
        }
        if (!optimal) {
            // the LP bound (column generation) closes most gaps that L2 leaves
            long now = System.nanoTime();
            long stop = Math.min(deadline, now + Math.min((deadline - now) / 5, COLUMN_GENERATION_NANOS));
            int columnBound = fixed + ColumnGeneration.bound(restSizes, capacity, stop);
            if (columnBound > lowerBound) {
                lowerBound = columnBound;
                restTarget = lowerBound - fixed;
                optimal = best.size() <= restTarget;
            }
        }
        if (!optimal && (rest.length <= EXACT_MAX_ITEMS || best.size() < MIN_SEARCH_BINS)) {
            long now = System.nanoTime();
            long stop = Math.min(deadline, now + (deadline - now) / 3);
            ExactResult exact = exact(w, rest, capacity, best, restTarget, EXACT_NODE_LIMIT, stop);
            best = exact.packing();
            optimal = exact.optimal();
        }
        // restarts with growing time slices, cycling through the constructive packings and the best one as
        // the starting point (the search depends strongly on where it starts)
        long slice = RESTART_SLICE_NANOS;
        for (int attempt = 0; !optimal && best.size() >= MIN_SEARCH_BINS && System.nanoTime() < deadline; attempt++) {
            long stop = Math.min(deadline, System.nanoTime() + slice);
            int pick = attempt % (starts.size() + 1);
            List<int[]> from = pick == starts.size() ? best : starts.get(starts.size() - 1 - pick);
            best = better(
                    best, new NeighbourhoodSearch(w, capacity, seed + 1 + attempt, stop).improve(from, restTarget));
            optimal = best.size() <= restTarget;
            if (pick == starts.size()) {
                slice = slice * 3 / 2;
            }
        }
        List<List<Integer>> bins = new ArrayList<>(fixed + best.size());
        for (int[] bin : reduction.fixedBins()) {
            bins.add(original(bin, originalOf));
        }
        for (int[] bin : best) {
            bins.add(original(bin, originalOf));
        }
        return new Packing(bins, lowerBound, optimal);
    }

    private record ExactResult(List<int[]> packing, boolean optimal) {}

    /** Tries one bin fewer, repeatedly, until refuted (then the incumbent is optimal) or undecided. */
    private static ExactResult exact(
            int[] w, int[] rest, int capacity, List<int[]> incumbent, int target, long nodes, long deadline) {
        List<int[]> best = incumbent;
        while (best.size() > target) {
            ExactSearch search = new ExactSearch(w, rest, capacity, best.size() - 1, nodes, deadline);
            ExactSearch.Answer answer = search.run();
            if (answer == ExactSearch.Answer.FEASIBLE) {
                best = search.packing();
            } else {
                return new ExactResult(best, answer == ExactSearch.Answer.INFEASIBLE);
            }
        }
        return new ExactResult(best, true);
    }

    private static List<int[]> better(List<int[]> a, List<int[]> b) {
        return b.size() < a.size() ? b : a;
    }

    private static List<Integer> original(int[] bin, int[] originalOf) {
        List<Integer> result = new ArrayList<>(bin.length);
        for (int p : bin) {
            result.add(originalOf[p]);
        }
        return result;
    }
}
