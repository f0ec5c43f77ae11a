package no.tilpass.bench.jobshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the job-shop benchmark over the instances of {@code bounds.csv} and compares each makespan with
 * the best-known upper bound: one line per instance as it finishes, then one summary line per family,
 * then one JSON line. A failing instance is reported and the suite goes on.
 */
public final class JobShopSuite {
    private JobShopSuite() {}

    /** One row of bounds.csv. */
    public record Bound(
            String instance,
            String family,
            int jobs,
            int machines,
            long bksLb,
            long bksUb,
            long cpsat600,
            String file) {}

    /** One instance's outcome; {@code error} is empty when it ran. */
    public record Entry(Bound bound, JobShopRun run, String error) {
        public double gapPercent() {
            return 100.0 * (run.makespan() - bound.bksUb()) / bound.bksUb();
        }
    }

    /** The outcome of reading bounds.csv. */
    public sealed interface Bounds {}

    public record BoundsLoaded(List<Bound> rows) implements Bounds {}

    public record BoundsFailed(String message) implements Bounds {}

    public static Bounds readBounds(Path dataDir) {
        Path csv = dataDir.resolve("bounds.csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new BoundsFailed(csv + ": cannot read (" + e.getMessage() + ")\n"
                    + "Maybe pass --data ../shared/bench-data/production/jobshop.");
        }
        List<Bound> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 9) {
                return new BoundsFailed(
                        csv + ":" + (i + 1) + ":1: expected 9 fields, found " + f.length
                                + "\nMaybe the header is instance,family,jobs,machines,status,bks_lb,bks_ub,cpsat915_600s_ub,file.");
            }
            try {
                rows.add(new Bound(
                        f[0],
                        f[1],
                        Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]),
                        Long.parseLong(f[5]),
                        Long.parseLong(f[6]),
                        Long.parseLong(f[7]),
                        f[8]));
            } catch (NumberFormatException e) {
                return new BoundsFailed(
                        csv + ":" + (i + 1) + ":1: " + e.getMessage() + "\nMaybe a bound is missing in this row.");
            }
        }
        return new BoundsLoaded(rows);
    }

    /**
     * Runs the selected rows.
     *
     * @param families families to run (ft, la, abz, orb, ta); empty for all
     * @param instances instance names to run; empty for all of the families
     */
    public static List<Entry> run(
            Path dataDir,
            List<Bound> rows,
            Set<String> families,
            Set<String> instances,
            double seconds,
            int workers,
            Consumer<String> out) {
        List<Entry> entries = new ArrayList<>();
        for (Bound bound : rows) {
            if ((!families.isEmpty() && !families.contains(bound.family()))
                    || (!instances.isEmpty() && !instances.contains(bound.instance()))) {
                continue;
            }
            Entry entry = runOne(dataDir, bound, seconds, workers);
            entries.add(entry);
            out.accept(line(entry));
        }
        for (String line : summary(entries)) {
            out.accept(line);
        }
        return entries;
    }

    private static Entry runOne(Path dataDir, Bound bound, double seconds, int workers) {
        Path file = dataDir.resolve(bound.file());
        if (!Files.exists(file) && dataDir.getParent() != null) {
            file = dataDir.getParent().resolve(bound.file());
        }
        try {
            JobShopInstance.Read read = JobShopInstance.read(file);
            if (read instanceof JobShopInstance.Failed failed) {
                return new Entry(bound, null, failed.message().replace('\n', ' '));
            }
            JobShopInstance instance = ((JobShopInstance.Loaded) read).instance();
            return new Entry(bound, JobShopBenchmark.run(instance, seconds, workers), "");
        } catch (RuntimeException e) {
            return new Entry(bound, null, e.toString());
        }
    }

    static String line(Entry e) {
        Bound b = e.bound();
        if (e.run() == null) {
            return String.format(
                    Locale.ROOT, "%-8s %2dx%-2d ERROR %s", b.instance(), b.jobs(), b.machines(), e.error());
        }
        JobShopRun r = e.run();
        return String.format(
                Locale.ROOT,
                "%-8s %2dx%-2d makespan %5d  bks_ub %5d  gap %6.2f%%  lb %5d%s  cpsat600 %5d  rule %5d  %7.1fs",
                b.instance(),
                b.jobs(),
                b.machines(),
                r.makespan(),
                b.bksUb(),
                e.gapPercent(),
                r.lowerBound(),
                r.optimal() ? " (proved)" : "         ",
                b.cpsat600(),
                r.priorityRule(),
                r.seconds());
    }

    static List<String> summary(List<Entry> entries) {
        Map<String, List<Entry>> byFamily = new LinkedHashMap<>();
        for (Entry e : entries) {
            byFamily.computeIfAbsent(e.bound().family(), f -> new ArrayList<>()).add(e);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"families\":{");
        double allGap = 0;
        int allRan = 0;
        int allAtBks = 0;
        int allProved = 0;
        int allErrors = 0;
        boolean firstFamily = true;
        for (Map.Entry<String, List<Entry>> family : byFamily.entrySet()) {
            double gap = 0;
            double seconds = 0;
            int ran = 0;
            int atBks = 0;
            int proved = 0;
            int errors = 0;
            for (Entry e : family.getValue()) {
                if (e.run() == null) {
                    errors++;
                    continue;
                }
                ran++;
                gap += e.gapPercent();
                seconds += e.run().seconds();
                atBks += e.run().makespan() <= e.bound().bksUb() ? 1 : 0;
                proved += e.run().optimal() ? 1 : 0;
            }
            double mean = ran == 0 ? 0 : gap / ran;
            lines.add(String.format(
                    Locale.ROOT,
                    "family %-4s instances %2d  mean gap %5.2f%%  at best-known %2d/%d  proved optimal %2d  errors %d  %.0fs",
                    family.getKey(),
                    family.getValue().size(),
                    mean,
                    atBks,
                    ran,
                    proved,
                    errors,
                    seconds));
            json.append(firstFamily ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "\"%s\":{\"instances\":%d,\"mean_gap_pct\":%.3f,\"at_bks\":%d,\"proved_optimal\":%d,\"errors\":%d}",
                            family.getKey(),
                            family.getValue().size(),
                            mean,
                            atBks,
                            proved,
                            errors));
            firstFamily = false;
            allGap += gap;
            allRan += ran;
            allAtBks += atBks;
            allProved += proved;
            allErrors += errors;
        }
        json.append(String.format(
                Locale.ROOT,
                "},\"instances\":%d,\"mean_gap_pct\":%.3f,\"at_bks\":%d,\"proved_optimal\":%d,\"errors\":%d}",
                entries.size(),
                allRan == 0 ? 0 : allGap / allRan,
                allAtBks,
                allProved,
                allErrors));
        lines.add(json.toString());
        return lines;
    }
}
