package no.tilpass.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import no.tilpass.engine.cutting.BinPacker;
import no.tilpass.engine.cutting.Packing;

/**
 * The cutting benchmark: one bin-packing file, or the whole set of instances with proven optima listed
 * in {@code bench-data/production/cutting/bounds.csv}, grouped per set.
 */
public final class CuttingBenchmark {
    private CuttingBenchmark() {}

    /** One run: the packing, and the wall-clock seconds it took. */
    public record Run(Packing packing, double seconds, String invalid) {
        public int bars() {
            return packing.binCount();
        }

        /** The contract's last line: {"bars":B,"lower_bound":L,"seconds":S}. */
        public String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"bars\":%d,\"lower_bound\":%d,\"seconds\":%.3f}",
                    bars(),
                    packing.lowerBound(),
                    seconds);
        }

        /** {"bars":[[item indices, 0-based], ...]}. */
        public String planJson() {
            StringJoiner bins = new StringJoiner(",", "{\"bars\":[", "]}");
            for (List<Integer> bin : packing.bins()) {
                StringJoiner items = new StringJoiner(",", "[", "]");
                bin.forEach(i -> items.add(Integer.toString(i)));
                bins.add(items.toString());
            }
            return bins.toString();
        }
    }

    public static Run run(BppInstance instance, Duration limit, long seed) {
        long start = System.nanoTime();
        Packing packing = BinPacker.pack(instance.sizes(), instance.capacity(), limit, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(packing, seconds, check(instance, packing));
    }

    /** An independent check of a packing: null when valid, else what is wrong. */
    static String check(BppInstance instance, Packing packing) {
        int[] seen = new int[instance.sizes().length];
        for (List<Integer> bin : packing.bins()) {
            long load = 0;
            for (int item : bin) {
                if (item < 0 || item >= seen.length) {
                    return "item index " + item + " out of range";
                }
                seen[item]++;
                load += instance.sizes()[item];
            }
            if (load > instance.capacity()) {
                return "a bin holds " + load + " > capacity " + instance.capacity();
            }
        }
        for (int i = 0; i < seen.length; i++) {
            if (seen[i] != 1) {
                return "item " + i + " packed " + seen[i] + " times";
            }
        }
        return null;
    }

    /** One row of bounds.csv. */
    record Row(String instance, String set, int optimum, String file) {}

    /**
     * Runs every instance of bounds.csv whose set starts with {@code setPrefix} (all when empty) and
     * prints one line per miss and a table per set; returns the number of misses (invalid counts too).
     */
    public static int suite(Path productionDir, String setPrefix, Duration limit, long seed, PrintWriter out)
            throws IOException {
        Path csv = productionDir.resolve("cutting/bounds.csv");
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length < 8 || !f[1].startsWith(setPrefix)) {
                continue;
            }
            rows.add(new Row(f[0], f[1], Integer.parseInt(f[5]), f[7]));
        }
        Map<String, double[]> perSet = new LinkedHashMap<>(); // solved, total, sumSeconds, maxSeconds
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            Path file = productionDir.resolve(row.file().replaceFirst("^cutting/", "cutting/"));
            BppInstance.Read read = BppInstance.read(file);
            double[] stats = perSet.computeIfAbsent(row.set(), k -> new double[4]);
            stats[1]++;
            if (read instanceof BppInstance.Invalid invalid) {
                misses.add(row.instance() + " unreadable: " + invalid.message());
                out.println("MISS " + row.instance() + " unreadable: " + invalid.message());
                out.flush();
                continue;
            }
            Run run = run(((BppInstance.Loaded) read).instance(), limit, seed);
            stats[2] += run.seconds();
            stats[3] = Math.max(stats[3], run.seconds());
            if (run.invalid() == null && run.bars() == row.optimum()) {
                stats[0]++;
            } else {
                String miss = String.format(
                        Locale.ROOT,
                        "%s bars=%d optimum=%d lower_bound=%d seconds=%.2f%s",
                        row.instance(),
                        run.bars(),
                        row.optimum(),
                        run.packing().lowerBound(),
                        run.seconds(),
                        run.invalid() == null ? "" : " INVALID: " + run.invalid());
                misses.add(miss);
                out.println("MISS " + miss);
                out.flush();
            }
        }
        double solved = 0;
        double total = 0;
        double sum = 0;
        double max = 0;
        out.println(String.format(Locale.ROOT, "%-26s %9s %7s %8s %8s", "set", "optimum", "of", "mean s", "max s"));
        for (Map.Entry<String, double[]> e : perSet.entrySet()) {
            double[] s = e.getValue();
            out.println(String.format(
                    Locale.ROOT, "%-26s %9d %7d %8.3f %8.3f", e.getKey(), (int) s[0], (int) s[1], s[2] / s[1], s[3]));
            solved += s[0];
            total += s[1];
            sum += s[2];
            max = Math.max(max, s[3]);
        }
        out.println(String.format(
                Locale.ROOT,
                "{\"solved\":%d,\"instances\":%d,\"percent\":%.2f,\"mean_seconds\":%.3f,\"max_seconds\":%.3f}",
                (int) solved,
                (int) total,
                total == 0 ? 0 : 100 * solved / total,
                total == 0 ? 0 : sum / total,
                max));
        out.flush();
        return misses.size();
    }
}
