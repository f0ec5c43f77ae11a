package no.tilpass.engine.cutting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Consistent neighbourhood search after Buljubašić and Vasquez (2016): to find a packing into m bins,
 * keep a partial packing of m − 2 bins that never exceeds capacity plus a set S of unpacked items, and
 * minimise the total size of S (ties: more items in S) until S fits into two bins. A tabu phase swaps up
 * to two items of one bin with up to two items of S; a descent phase refills each bin optimally from its
 * own items and S. Works on sizes sorted in non-increasing order; items are positions in that array.
 */
final class NeighbourhoodSearch {
    private static final int TABU_PHASE_STALL = 60;
    private static final long PACK_NODE_LIMIT = 300;
    private static final int TENURE_SPREAD = 8;
    private static final long ROUND_ITERATIONS = 2_000;

    private final int[] w;
    private final int capacity;
    private final SplittableRandom random;
    private final long deadline;

    // partial solution
    private int binCount;
    private int[][] binItems;
    private int[] binSize;
    private int[] load;
    private int[] s;
    private int sSize;
    private long sWeight;
    // tabu: item may not enter bin tabuBin[item] before iteration tabuUntil[item]
    private final int[] tabuBin;
    private final long[] tabuUntil;
    private long iteration;

    NeighbourhoodSearch(int[] w, int capacity, long seed, long deadline) {
        this.w = w;
        this.capacity = capacity;
        this.random = new SplittableRandom(seed);
        this.deadline = deadline;
        this.tabuBin = new int[w.length];
        this.tabuUntil = new long[w.length];
    }

    /**
     * Improves {@code start} (a complete packing of the given items) towards {@code target} bins until
     * the deadline; returns the best complete packing found.
     */
    List<int[]> improve(List<int[]> start, int target) {
        List<int[]> best = start;
        int stalledRounds = 0;
        while (best.size() > target && best.size() >= 4 && System.nanoTime() < deadline) {
            List<int[]> found = tryBins(best, best.size() - 1, stalledRounds);
            if (found == null) {
                stalledRounds++;
                continue;
            }
            best = found;
            stalledRounds = 0;
        }
        return best;
    }

    /** One attempt at a packing into {@code m} bins; null when the round's iteration budget ran out. */
    private List<int[]> tryBins(List<int[]> complete, int m, int round) {
        // delete three bins: the least loaded in the first round, random ones later
        int total = complete.size();
        Integer[] order = new Integer[total];
        int[] loads = new int[total];
        for (int b = 0; b < total; b++) {
            order[b] = b;
            for (int item : complete.get(b)) {
                loads[b] += w[item];
            }
        }
        if (round == 0) {
            Arrays.sort(order, (a, b) -> Integer.compare(loads[a], loads[b]));
        } else {
            for (int i = total - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int deleted = total - (m - 2);
        binCount = m - 2;
        binItems = new int[binCount][];
        binSize = new int[binCount];
        load = new int[binCount];
        s = new int[w.length];
        sSize = 0;
        sWeight = 0;
        for (int i = 0; i < total; i++) {
            int[] items = complete.get(order[i]);
            if (i < deleted) {
                for (int item : items) {
                    s[sSize++] = item;
                    sWeight += w[item];
                }
            } else {
                int b = i - deleted;
                binItems[b] = Arrays.copyOf(items, Math.max(8, items.length * 2));
                binSize[b] = items.length;
                load[b] = loads[order[i]];
            }
        }
        Arrays.fill(tabuUntil, 0);
        iteration = 0;
        long budget = ROUND_ITERATIONS * (1 + round);
        while (System.nanoTime() < deadline && iteration < budget) {
            descent();
            List<int[]> done = completeIfTwoBinsSuffice();
            if (done != null) {
                return done;
            }
            int stall = 0;
            long phaseBest = sWeight;
            while (stall < TABU_PHASE_STALL && iteration < budget) {
                if (!tabuMove(phaseBest)) {
                    break;
                }
                done = completeIfTwoBinsSuffice();
                if (done != null) {
                    return done;
                }
                if (sWeight < phaseBest) {
                    phaseBest = sWeight;
                    stall = 0;
                } else {
                    stall++;
                }
                if ((iteration & 255) == 0 && System.nanoTime() >= deadline) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The best non-tabu swap of up to two bin items against up to two items of S. */
    private boolean tabuMove(long phaseBest) {
        iteration++;
        // candidate Q sets from S, sorted by total size, ties with fewer items first
        int singles = sSize;
        int pairs = sSize * (sSize - 1) / 2;
        int qCount = singles + pairs;
        long[] q = new long[qCount];
        int k = 0;
        for (int i = 0; i < sSize; i++) {
            q[k++] = encode(w[s[i]], 1, i, 0xFFFF);
        }
        for (int i = 0; i < sSize; i++) {
            for (int j = i + 1; j < sSize; j++) {
                q[k++] = encode(w[s[i]] + w[s[j]], 2, i, j);
            }
        }
        Arrays.sort(q);
        int[] qWeights = new int[qCount];
        for (int i = 0; i < qCount; i++) {
            qWeights[i] = (int) (q[i] >>> 34);
        }
        long bestGain = Long.MIN_VALUE;
        int bestCountGain = Integer.MIN_VALUE;
        int bestBin = -1;
        int bestP1 = -1;
        int bestP2 = -1;
        long bestQ = 0;
        int ties = 0;
        for (int b = 0; b < binCount; b++) {
            int[] items = binItems[b];
            int size = binSize[b];
            for (int p1 = -1; p1 < size; p1++) {
                for (int p2 = -1; p2 < size; p2 = p2 < 0 ? p1 + 1 : p2 + 1) {
                    if (p1 < 0 && p2 >= 0) {
                        break;
                    }
                    int pWeight = (p1 >= 0 ? w[items[p1]] : 0) + (p2 >= 0 ? w[items[p2]] : 0);
                    int pCount = (p1 >= 0 ? 1 : 0) + (p2 >= 0 ? 1 : 0);
                    int room = capacity - load[b] + pWeight;
                    int pos = upperBound(qWeights, room) - 1;
                    for (; pos >= 0; pos--) {
                        long code = q[pos];
                        int qWeight = qWeights[pos];
                        long gain = qWeight - pWeight;
                        if (gain < bestGain) {
                            break;
                        }
                        int qCountItems = (int) ((code >>> 32) & 3);
                        int countGain = qCountItems - pCount;
                        int qi = (int) ((code >>> 16) & 0xFFFF);
                        int qj = (int) (code & 0xFFFF);
                        int itemA = s[qi];
                        int itemB = qj == 0xFFFF ? -1 : s[qj];
                        if (gain == 0 && pCount == qCountItems && sameSizes(items, p1, p2, itemA, itemB)) {
                            continue;
                        }
                        boolean tabu = isTabu(itemA, b) || (itemB >= 0 && isTabu(itemB, b));
                        if (tabu && sWeight - gain >= phaseBest) {
                            continue;
                        }
                        // lexicographic: larger gain, then fewer items into bins (S keeps more items)
                        boolean better = gain > bestGain || (gain == bestGain && countGain < bestCountGain);
                        boolean equal = gain == bestGain && countGain == bestCountGain;
                        if (better) {
                            bestGain = gain;
                            bestCountGain = countGain;
                            bestBin = b;
                            bestP1 = p1;
                            bestP2 = p2;
                            bestQ = code;
                            ties = 1;
                        } else if (equal && random.nextInt(++ties) == 0) {
                            bestBin = b;
                            bestP1 = p1;
                            bestP2 = p2;
                            bestQ = code;
                        }
                        break;
                    }
                }
            }
        }
        if (bestBin < 0) {
            return false;
        }
        int qi = (int) ((bestQ >>> 16) & 0xFFFF);
        int qj = (int) (bestQ & 0xFFFF);
        int itemA = s[qi];
        int itemB = qj == 0xFFFF ? -1 : s[qj];
        int[] items = binItems[bestBin];
        int outA = bestP1 >= 0 ? items[bestP1] : -1;
        int outB = bestP2 >= 0 ? items[bestP2] : -1;
        // remove from bin (higher position first)
        if (bestP2 >= 0) {
            removeFromBin(bestBin, bestP2);
        }
        if (bestP1 >= 0) {
            removeFromBin(bestBin, bestP1);
        }
        removeFromS(itemA);
        if (itemB >= 0) {
            removeFromS(itemB);
        }
        addToBin(bestBin, itemA);
        if (itemB >= 0) {
            addToBin(bestBin, itemB);
        }
        long tenure = 3 + random.nextInt(TENURE_SPREAD);
        if (outA >= 0) {
            addToS(outA);
            tabuBin[outA] = bestBin;
            tabuUntil[outA] = iteration + tenure;
        }
        if (outB >= 0) {
            addToS(outB);
            tabuBin[outB] = bestBin;
            tabuUntil[outB] = iteration + tenure;
        }
        return true;
    }

    private boolean sameSizes(int[] items, int p1, int p2, int a, int b) {
        int x1 = p1 >= 0 ? w[items[p1]] : 0;
        int x2 = p2 >= 0 ? w[items[p2]] : 0;
        int y1 = w[a];
        int y2 = b >= 0 ? w[b] : 0;
        return (x1 == y1 && x2 == y2) || (x1 == y2 && x2 == y1);
    }

    private boolean isTabu(int item, int bin) {
        return tabuBin[item] == bin && tabuUntil[item] > iteration;
    }

    /** Refill every bin optimally (largest load) from its own items and S, until nothing improves. */
    private void descent() {
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int b = 0; b < binCount; b++) {
                if (load[b] == capacity || sSize == 0) {
                    continue;
                }
                int[] candidates = new int[binSize[b] + sSize];
                System.arraycopy(binItems[b], 0, candidates, 0, binSize[b]);
                System.arraycopy(s, 0, candidates, binSize[b], sSize);
                sortBySizeDescending(candidates);
                SubsetFill fill = new SubsetFill(w, candidates, capacity, load[b], PACK_NODE_LIMIT);
                int[] chosen = fill.run();
                if (chosen == null) {
                    continue;
                }
                // move everything of the bin to S, then chosen back into the bin
                for (int i = 0; i < binSize[b]; i++) {
                    addToS(binItems[b][i]);
                }
                binSize[b] = 0;
                load[b] = 0;
                for (int item : chosen) {
                    removeFromS(item);
                    addToBin(b, item);
                }
                improved = true;
                iteration++;
            }
        }
    }

    /** When S fits into two bins: the complete packing; otherwise null. */
    private List<int[]> completeIfTwoBinsSuffice() {
        if (sWeight > 2L * capacity) {
            return null;
        }
        int[] items = Arrays.copyOf(s, sSize);
        int[] first = TwoBins.split(w, items, capacity);
        if (first == null) {
            return null;
        }
        List<int[]> result = new ArrayList<>(binCount + 2);
        for (int b = 0; b < binCount; b++) {
            if (binSize[b] > 0) {
                result.add(Arrays.copyOf(binItems[b], binSize[b]));
            }
        }
        boolean[] inFirst = new boolean[w.length];
        for (int item : first) {
            inFirst[item] = true;
        }
        int[] second = Arrays.stream(items).filter(i -> !inFirst[i]).toArray();
        if (first.length > 0) {
            result.add(first);
        }
        if (second.length > 0) {
            result.add(second);
        }
        return result;
    }

    private void addToBin(int b, int item) {
        if (binSize[b] == binItems[b].length) {
            binItems[b] = Arrays.copyOf(binItems[b], binSize[b] * 2 + 2);
        }
        binItems[b][binSize[b]++] = item;
        load[b] += w[item];
    }

    private void removeFromBin(int b, int position) {
        int item = binItems[b][position];
        binItems[b][position] = binItems[b][--binSize[b]];
        load[b] -= w[item];
    }

    private void addToS(int item) {
        s[sSize++] = item;
        sWeight += w[item];
    }

    private void removeFromS(int item) {
        for (int i = 0; i < sSize; i++) {
            if (s[i] == item) {
                s[i] = s[--sSize];
                sWeight -= w[item];
                return;
            }
        }
        throw new IllegalStateException("item " + item + " is not in S");
    }

    private static long encode(int weight, int count, int i, int j) {
        return ((long) weight << 34) | ((long) count << 32) | ((long) i << 16) | j;
    }

    private static int upperBound(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void sortBySizeDescending(int[] items) {
        // positions in w are already in non-increasing size order
        Arrays.sort(items);
    }
}
