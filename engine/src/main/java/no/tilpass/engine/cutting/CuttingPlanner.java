package no.tilpass.engine.cutting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.cutting.CuttingOutcome.BarPlan;
import no.tilpass.engine.cutting.CuttingOutcome.Cut;
import no.tilpass.engine.cutting.CuttingOutcome.Problem;
import no.tilpass.engine.cutting.CuttingOutcome.ProfilePlan;
import no.tilpass.engine.cutting.CuttingOutcome.Totals;
import no.tilpass.engine.cutting.CuttingRequest.Bar;
import no.tilpass.engine.cutting.CuttingRequest.Piece;
import no.tilpass.engine.cutting.CuttingRequest.Remnant;

/**
 * Plans the cutting of profile bars. Per profile type: remnants in stock are used first (shortest
 * first, each filled as fully as possible with the pieces still open), the rest goes to new bars through
 * {@link BinPacker}. A piece of length l takes l + kerf of a bar whose usable capacity is
 * length − trim + kerf (the last piece needs no kerf after it). The leftover after the last cut is kept
 * as a remnant when at least {@code minRemnant} long, else counted as waste.
 */
public final class CuttingPlanner {
    private static final long REMNANT_NODE_LIMIT = 200_000;

    private CuttingPlanner() {}

    /** Plans {@code request}, giving the bin packer up to {@code limitPerProfile} per profile type. */
    public static CuttingOutcome plan(CuttingRequest request, Duration limitPerProfile, long seed) {
        List<Problem> problems = validate(request);
        if (!problems.isEmpty()) {
            return new CuttingOutcome.Rejected(problems);
        }
        Map<String, Integer> barLength = new LinkedHashMap<>();
        for (Bar bar : request.bars()) {
            barLength.put(bar.profile(), bar.length());
        }
        Map<String, List<Piece>> byProfile = new LinkedHashMap<>();
        for (Piece piece : request.pieces()) {
            byProfile.computeIfAbsent(piece.profile(), p -> new ArrayList<>()).add(piece);
        }
        List<ProfilePlan> plans = new ArrayList<>();
        for (Map.Entry<String, List<Piece>> entry : byProfile.entrySet()) {
            String profile = entry.getKey();
            List<Remnant> remnants = request.stock().stream()
                    .filter(r -> r.profile().equals(profile))
                    .sorted(Comparator.comparingInt(Remnant::length).thenComparing(Remnant::id))
                    .toList();
            plans.add(planProfile(
                    profile, barLength.get(profile), entry.getValue(), remnants, request, limitPerProfile, seed));
        }
        int newBars = 0;
        int used = 0;
        int kept = 0;
        long material = 0;
        long pieceLength = 0;
        long waste = 0;
        for (ProfilePlan plan : plans) {
            newBars += plan.newBars();
            used += plan.remnantsUsed();
            kept += plan.remnantsKept();
            waste += plan.waste();
            for (BarPlan bar : plan.bars()) {
                material += bar.length();
                for (Cut cut : bar.cuts()) {
                    pieceLength += cut.length();
                }
            }
        }
        return new CuttingOutcome.Planned(
                plans, new Totals(newBars, used, kept, material, pieceLength, waste, percent(waste, material)));
    }

    private static ProfilePlan planProfile(
            String profile,
            int length,
            List<Piece> pieces,
            List<Remnant> remnants,
            CuttingRequest request,
            Duration limit,
            long seed) {
        int kerf = request.kerf();
        int trim = request.trim();
        // pieces longest first; open[i] says piece i is still to be cut
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparingInt(Piece::length).reversed());
        boolean[] open = new boolean[sorted.size()];
        Arrays.fill(open, true);
        List<BarPlan> bars = new ArrayList<>();
        int remnantsUsed = 0;
        // pieces longer than a new bar go first, best fit, into the remnants (validation checked they fit)
        int[] home = oversizeHomes(sorted, remnants, length, kerf, trim);
        for (int r = 0; r < remnants.size(); r++) {
            Remnant remnant = remnants.get(r);
            int capacity = remnant.length() - trim + kerf;
            List<Piece> content = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                if (home[i] == r) {
                    open[i] = false;
                    content.add(sorted.get(i));
                    capacity -= sorted.get(i).length() + kerf;
                }
            }
            for (int i : fill(sorted, open, kerf, capacity)) {
                open[i] = false;
                content.add(sorted.get(i));
            }
            if (content.isEmpty()) {
                continue;
            }
            content.sort(Comparator.comparingInt(Piece::length).reversed());
            bars.add(bar(remnant.id(), remnant.length(), content, request));
            remnantsUsed++;
        }
        List<Piece> rest = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (open[i]) {
                rest.add(sorted.get(i));
            }
        }
        int[] sizes = rest.stream().mapToInt(p -> p.length() + kerf).toArray();
        Packing packing = BinPacker.pack(sizes, length - trim + kerf, limit, seed);
        for (List<Integer> bin : packing.bins()) {
            List<Piece> content = new ArrayList<>();
            for (int i : bin) {
                content.add(rest.get(i));
            }
            content.sort(Comparator.comparingInt(Piece::length).reversed());
            bars.add(bar("new", length, content, request));
        }
        long waste = 0;
        long material = 0;
        int kept = 0;
        for (BarPlan bar : bars) {
            waste += bar.waste();
            material += bar.length();
            kept += bar.keptRemnant() > 0 ? 1 : 0;
        }
        return new ProfilePlan(
                profile,
                length,
                bars,
                packing.binCount(),
                remnantsUsed,
                kept,
                waste,
                percent(waste, material),
                packing.lowerBound(),
                packing.optimal());
    }

    /**
     * For each piece (longest first) longer than a new bar: the index of the remnant it goes into, best
     * fit; -1 for pieces that fit a new bar; null when some long piece finds no remnant.
     */
    static int[] oversizeHomes(List<Piece> sorted, List<Remnant> remnants, int length, int kerf, int trim) {
        int[] home = new int[sorted.size()];
        Arrays.fill(home, -1);
        long[] room = new long[remnants.size()];
        for (int r = 0; r < remnants.size(); r++) {
            room[r] = (long) remnants.get(r).length() - trim + kerf;
        }
        for (int i = 0; i < sorted.size(); i++) {
            int size = sorted.get(i).length() + kerf;
            if (sorted.get(i).length() <= length - trim) {
                continue;
            }
            int bestRemnant = -1;
            for (int r = 0; r < remnants.size(); r++) {
                if (room[r] >= size && (bestRemnant < 0 || room[r] < room[bestRemnant])) {
                    bestRemnant = r;
                }
            }
            if (bestRemnant < 0) {
                return null;
            }
            home[i] = bestRemnant;
            room[bestRemnant] -= size;
        }
        return home;
    }

    /** Lays out the cuts of one bar: trim first, then each piece followed by a kerf. */
    private static BarPlan bar(String source, int length, List<Piece> content, CuttingRequest request) {
        List<Cut> cuts = new ArrayList<>();
        long offset = request.trim();
        long pieces = 0;
        for (Piece piece : content) {
            cuts.add(new Cut(piece.orderId(), piece.itemId(), (int) offset, piece.length()));
            offset += piece.length() + (long) request.kerf();
            pieces += piece.length();
        }
        long leftover = Math.max(0, length - offset);
        int keptRemnant = leftover > 0 && leftover >= request.minRemnant() ? (int) leftover : 0;
        int waste = (int) (length - pieces - keptRemnant);
        return new BarPlan(source, length, cuts, waste, keptRemnant);
    }

    /** The open pieces that fill {@code capacity} as fully as possible (depth-first, node limited). */
    private static int[] fill(List<Piece> sorted, boolean[] open, int kerf, int capacity) {
        int count = 0;
        int[] candidates = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (open[i] && sorted.get(i).length() + kerf <= capacity) {
                candidates[count++] = i;
            }
        }
        int[] size = new int[count];
        for (int k = 0; k < count; k++) {
            size[k] = sorted.get(candidates[k]).length() + kerf;
        }
        long[] suffix = new long[count + 1];
        for (int k = count - 1; k >= 0; k--) {
            suffix[k] = suffix[k + 1] + size[k];
        }
        SubsetSum search = new SubsetSum(size, suffix, capacity);
        search.dfs(0, 0, 0);
        int[] chosen = new int[search.bestDepth];
        for (int k = 0; k < search.bestDepth; k++) {
            chosen[k] = candidates[search.best[k]];
        }
        return chosen;
    }

    private static final class SubsetSum {
        private final int[] size;
        private final long[] suffix;
        private final int capacity;
        private final int[] stack;
        private final int[] best;
        private int bestDepth;
        private long bestSum;
        private long nodes;

        SubsetSum(int[] size, long[] suffix, int capacity) {
            this.size = size;
            this.suffix = suffix;
            this.capacity = capacity;
            this.stack = new int[size.length];
            this.best = new int[size.length];
        }

        boolean dfs(int from, int depth, long sum) {
            if (sum > bestSum) {
                bestSum = sum;
                bestDepth = depth;
                System.arraycopy(stack, 0, best, 0, depth);
                if (sum == capacity) {
                    return true;
                }
            }
            if (++nodes > REMNANT_NODE_LIMIT) {
                return true;
            }
            int last = -1;
            for (int k = from; k < size.length; k++) {
                if (sum + suffix[k] <= bestSum) {
                    return false;
                }
                if (size[k] == last || sum + size[k] > capacity) {
                    continue;
                }
                last = size[k];
                stack[depth] = k;
                if (dfs(k + 1, depth + 1, sum + size[k])) {
                    return true;
                }
            }
            return false;
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static List<Problem> validate(CuttingRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.kerf() < 0) {
            problems.add(new Problem("kerf", "kerf " + request.kerf() + " mm is negative", "Maybe use 3 (mm)."));
        }
        if (request.trim() < 0) {
            problems.add(new Problem("trim", "trim " + request.trim() + " mm is negative", "Maybe use 0 or 10 (mm)."));
        }
        if (request.minRemnant() < 0) {
            problems.add(new Problem(
                    "minRemnant", "minRemnant " + request.minRemnant() + " mm is negative", "Maybe use 500 (mm)."));
        }
        Map<String, Integer> barLength = new LinkedHashMap<>();
        for (int i = 0; i < request.bars().size(); i++) {
            Bar bar = request.bars().get(i);
            String where = "bars[" + i + "]";
            if (barLength.containsKey(bar.profile())) {
                problems.add(new Problem(
                        where,
                        "profile " + bar.profile() + " has a second bar length " + bar.length() + " mm",
                        "Maybe remove one of the two; a profile has one new-bar length."));
                continue;
            }
            if (bar.length() <= Math.max(0, request.trim()) || bar.length() > BinPacker.MAX_CAPACITY / 2) {
                problems.add(new Problem(
                        where,
                        "bar length " + bar.length() + " mm of profile " + bar.profile() + " leaves nothing after the"
                                + " trim of " + request.trim() + " mm or is unreasonably long",
                        "Maybe the length is in the wrong unit; lengths are in mm (e.g. 6000)."));
                continue;
            }
            barLength.put(bar.profile(), bar.length());
        }
        Map<String, Integer> longestRemnant = new LinkedHashMap<>();
        for (int i = 0; i < request.stock().size(); i++) {
            Remnant remnant = request.stock().get(i);
            if (remnant.length() <= 0 || remnant.length() > BinPacker.MAX_CAPACITY / 2) {
                problems.add(new Problem(
                        "stock[" + i + "]",
                        "remnant " + remnant.id() + " has length " + remnant.length() + " mm",
                        "Maybe remove it from stock, or correct its length (mm)."));
                continue;
            }
            longestRemnant.merge(remnant.profile(), remnant.length(), Math::max);
        }
        for (int i = 0; i < request.pieces().size(); i++) {
            Piece piece = request.pieces().get(i);
            String where = "pieces[" + i + "] (order " + piece.orderId() + ", item " + piece.itemId() + ")";
            if (piece.length() <= 0) {
                problems.add(new Problem(
                        where,
                        "length " + piece.length() + " mm is not positive",
                        "Maybe the length is missing in the order line."));
                continue;
            }
            Integer length = barLength.get(piece.profile());
            if (length == null) {
                problems.add(new Problem(
                        where,
                        "profile " + piece.profile() + " has no bar length",
                        "Maybe add a bar for profile " + piece.profile() + " (e.g. 6000 mm), or correct the profile"
                                + " name " + barLength.keySet() + "."));
                continue;
            }
            int longest = Math.max(length, longestRemnant.getOrDefault(piece.profile(), 0)) - request.trim();
            if (piece.length() > longest) {
                problems.add(new Problem(
                        where,
                        "piece of " + piece.length() + " mm is longer than any bar of profile " + piece.profile() + " ("
                                + longest + " mm usable after the trim of " + request.trim() + " mm)",
                        "Maybe split the piece with a joint, or use a longer bar of " + piece.profile() + "."));
            }
        }
        if (problems.isEmpty()) {
            Map<String, List<Piece>> byProfile = new LinkedHashMap<>();
            for (Piece piece : request.pieces()) {
                byProfile
                        .computeIfAbsent(piece.profile(), p -> new ArrayList<>())
                        .add(piece);
            }
            for (Map.Entry<String, List<Piece>> entry : byProfile.entrySet()) {
                List<Piece> sorted = new ArrayList<>(entry.getValue());
                sorted.sort(Comparator.comparingInt(Piece::length).reversed());
                List<Remnant> remnants = request.stock().stream()
                        .filter(r -> r.profile().equals(entry.getKey()))
                        .sorted(Comparator.comparingInt(Remnant::length).thenComparing(Remnant::id))
                        .toList();
                int length = barLength.get(entry.getKey());
                if (oversizeHomes(sorted, remnants, length, request.kerf(), request.trim()) == null) {
                    problems.add(new Problem(
                            "pieces of profile " + entry.getKey(),
                            "the pieces longer than a new bar (" + length + " mm) do not all fit into the remnants"
                                    + " in stock",
                            "Maybe split the longest pieces, or order longer bars of " + entry.getKey() + "."));
                }
            }
        }
        return problems;
    }
}
