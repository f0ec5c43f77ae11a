package no.tilpass.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.counting.CountBudget;
import no.tilpass.engine.counting.CountResult;
import no.tilpass.engine.counting.ModelCounter;
import no.tilpass.engine.dimacs.DimacsReader;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.LoadResult;

/**
 * Times the exact model counter on the shared feature models, in one JVM: the first count of each model
 * (JIT warmed only by the models before it), then the best of {@code runs} more, with the count checked
 * against expected-counts.tsv where listed; then the time to count
 * under every literal of every variable with one reused counter ({@code countPerLiteral}).
 *
 * <p>Usage: {@code CountTimings [bench-data/configuration dir] [seconds per count] [runs]}.
 */
public final class CountTimings {
    private static final List<String> STRETCH = List.of(
            "feature-models/automotive01.dimacs",
            "feature-models/ecos-i386pc_cdl.dimacs",
            "feature-models/erp_system.dimacs",
            "feature-models/linux_nieke2022-7c08c9ae0c.dimacs");

    private CountTimings() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/bench-data/configuration");
        Duration limit = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Map<String, BigInteger> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("expected-counts.tsv"), StandardCharsets.UTF_8)) {
            String[] row = line.split("\t");
            if (row.length >= 2 && row[0].endsWith(".dimacs")) {
                expected.put(row[0], new BigInteger(row[1]));
            }
        }
        List<String> files = new ArrayList<>(expected.keySet());
        files.addAll(STRETCH);
        System.out.printf(
                "%-50s %6s %7s %10s %10s %8s %12s  %s%n",
                "model", "vars", "clauses", "first ms", "warm ms", "digits", "all lits ms", "check");
        for (String file : files) {
            LoadResult loaded = DimacsReader.read(dir.resolve(file));
            if (!(loaded instanceof LoadResult.Loaded ok)) {
                System.out.printf("%-50s cannot be read: %s%n", file, loaded);
                continue;
            }
            Cnf cnf = ok.space().cnf();
            long first = Long.MAX_VALUE;
            long warm = Long.MAX_VALUE;
            CountResult result = null;
            for (int run = 0; run <= runs; run++) {
                long start = System.nanoTime();
                result = ModelCounter.count(cnf, new int[0], CountBudget.ofTime(limit));
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (run == 0) {
                    first = ms;
                } else {
                    warm = Math.min(warm, ms);
                }
                if (result instanceof CountResult.GaveUp) {
                    break;
                }
            }
            String digits = "-";
            String check;
            if (result instanceof CountResult.Exact exact) {
                digits = Integer.toString(exact.count().toString().length());
                BigInteger want = expected.get(file);
                check = want == null ? "no expected count" : want.equals(exact.count()) ? "equals expected" : "WRONG";
            } else {
                check = "gave up: " + result;
            }
            String perLiteral = "-";
            if (result instanceof CountResult.Exact) {
                int[] literals = new int[2 * cnf.variableCount()];
                for (int v = 1; v <= cnf.variableCount(); v++) {
                    literals[2 * v - 2] = v;
                    literals[2 * v - 1] = -v;
                }
                long start = System.nanoTime();
                ModelCounter.of(cnf).countPerLiteral(new int[0], literals);
                perLiteral = Long.toString((System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf(
                    "%-50s %6d %7d %10d %10s %8s %12s  %s%n",
                    file,
                    cnf.variableCount(),
                    cnf.clauseCount(),
                    first,
                    warm == Long.MAX_VALUE ? "-" : Long.toString(warm),
                    digits,
                    perLiteral,
                    check);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap (sum of pool peaks): %d MB%n", peak >> 20);
    }
}
