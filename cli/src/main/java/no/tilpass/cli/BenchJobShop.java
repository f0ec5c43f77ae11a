package no.tilpass.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import no.tilpass.bench.jobshop.JobShopBenchmark;
import no.tilpass.bench.jobshop.JobShopInstance;
import no.tilpass.bench.jobshop.JobShopRun;
import no.tilpass.bench.jobshop.JobShopSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench jobshop} and {@code bench jobshop-suite}. */
final class BenchJobShop {
    private BenchJobShop() {}

    private static final String DATA = "bench-data/production/jobshop";

    @Command(
            name = "jobshop",
            description = "Minimum makespan of one job-shop instance (line 1 `jobs machines`, then per job"
                    + " `machine duration` pairs). The last line is {\"makespan\":M,\"lower_bound\":L,\"seconds\":S}.")
    static final class Single implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the instance file")
        Path file;

        @Option(names = "--seconds", defaultValue = "60", description = "time limit (default ${DEFAULT-VALUE})")
        double seconds;

        @Mixin
        WorkersOption workers;

        @Option(names = "--out", paramLabel = "SCHEDULE.json", description = "write {\"starts\":[[...],...]}")
        Path out;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Integer bad = checkLimits(seconds, workers, err);
            if (bad != null) {
                return bad;
            }
            JobShopInstance.Read read = JobShopInstance.read(file);
            if (read instanceof JobShopInstance.Failed failed) {
                err.println("error: " + failed.message());
                return 1;
            }
            JobShopInstance instance = ((JobShopInstance.Loaded) read).instance();
            int w = workers.count();
            out.printf(
                    "%s: %d jobs x %d machines, %.0f s, %d workers%n",
                    instance.name(), instance.jobCount(), instance.machineCount(), seconds, w);
            JobShopRun run = JobShopBenchmark.run(instance, seconds, w);
            out.printf(
                    "priority rule %d, tabu search + CP-SAT %d, lower bound %d%s%n",
                    run.priorityRule(), run.makespan(), run.lowerBound(), run.optimal() ? " (optimal)" : "");
            if (this.out != null) {
                try {
                    Files.writeString(this.out, run.scheduleJson(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("error: " + this.out + ": cannot write the schedule (" + e.getMessage() + ")");
                    err.println("Maybe the folder does not exist.");
                    return 1;
                }
            }
            out.println(run.toJson());
            return 0;
        }
    }

    @Command(
            name = "jobshop-suite",
            description = "The job-shop benchmark over bounds.csv: per instance makespan, best-known upper bound and"
                    + " gap, then per family mean gap and counts; the last line is one JSON object.")
    static final class Suite implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--data",
                paramLabel = "DIR",
                description = "folder with bounds.csv (default: ../shared/" + DATA + ")")
        Path data;

        @Option(names = "--family", split = ",", description = "families to run, e.g. ft,la (default: all)")
        List<String> families = List.of();

        @Option(names = "--instances", split = ",", description = "instances to run, e.g. ta01js,ta02js")
        List<String> instances = List.of();

        @Option(
                names = "--seconds",
                defaultValue = "60",
                description = "time limit per instance (default ${DEFAULT-VALUE})")
        double seconds;

        @Mixin
        WorkersOption workers;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Integer bad = checkLimits(seconds, workers, err);
            if (bad != null) {
                return bad;
            }
            Path dir = data != null ? data : defaultData();
            JobShopSuite.Bounds bounds = JobShopSuite.readBounds(dir);
            if (bounds instanceof JobShopSuite.BoundsFailed failed) {
                err.println("error: " + failed.message());
                return 1;
            }
            List<JobShopSuite.Bound> rows = ((JobShopSuite.BoundsLoaded) bounds).rows();
            Set<String> knownFamilies = new LinkedHashSet<>();
            rows.forEach(r -> knownFamilies.add(r.family()));
            for (String family : families) {
                if (!knownFamilies.contains(family)) {
                    err.println("error: --family " + family + " is not in " + dir.resolve("bounds.csv"));
                    err.println("Maybe use one of " + String.join(", ", knownFamilies) + ".");
                    return 2;
                }
            }
            for (String name : instances) {
                if (rows.stream().noneMatch(r -> r.instance().equals(name))) {
                    err.println("error: --instances " + name + " is not in " + dir.resolve("bounds.csv"));
                    err.println("Maybe the name has a suffix, like ta01js.");
                    return 2;
                }
            }
            int w = workers.count();
            out.printf("job-shop suite: %.0f s per instance, %d workers, data %s%n", seconds, w, dir);
            out.flush();
            JobShopSuite.run(dir, rows, Set.copyOf(families), Set.copyOf(instances), seconds, w, line -> {
                out.println(line);
                out.flush();
            });
            return 0;
        }
    }

    private static Integer checkLimits(double seconds, WorkersOption workers, PrintWriter err) {
        if (!(seconds > 0)) {
            err.println("error: --seconds " + seconds + " must be positive");
            err.println("Maybe use --seconds 60.");
            return 2;
        }
        if (workers.requested != null && workers.requested < 1) {
            err.println("error: --workers " + workers.requested + " must be at least 1");
            err.println("Maybe leave it out to use every core.");
            return 2;
        }
        return null;
    }

    /** ../shared/bench-data/production/jobshop next to the repository the running jar was built in. */
    private static Path defaultData() {
        Path relative = Path.of("..", "shared").resolve(DATA);
        try {
            Path jar = Path.of(BenchJobShop.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
            // cli/target/tilpass-cli.jar (or cli/target/classes) -> repository root
            Path root = jar.getParent().getParent().getParent();
            Path candidate = root.resolveSibling("shared").resolve(DATA);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the relative path
        }
        return relative;
    }
}
