package no.tilpass.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import no.tilpass.bench.BppInstance;
import no.tilpass.bench.CuttingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench cutting} and {@code bench cutting-suite}: thin wrappers over {@link CuttingBenchmark}. */
final class CuttingBenchCommands {
    private CuttingBenchCommands() {}

    static boolean badSeconds(double seconds, PrintWriter err) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            err.println("error: --seconds " + seconds + " must be a positive number");
            err.println("Maybe use --seconds 10.");
            return true;
        }
        return false;
    }

    @Command(
            name = "cutting",
            description = "Packs one bin-packing file (line 1 n, line 2 capacity, then n sizes) into as few bars"
                    + " as it can. The last line is {\"bars\":B,\"lower_bound\":L,\"seconds\":S}.")
    static final class Cutting implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "instance in the bin-packing format")
        Path file;

        @Option(names = "--seconds", defaultValue = "10", description = "time limit (default ${DEFAULT-VALUE})")
        double seconds;

        @Option(names = "--out", paramLabel = "PLAN.json", description = "write {\"bars\":[[item indices],...]}")
        Path out;

        @Mixin
        SeedOption seed;

        @Override
        public Integer call() throws IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (badSeconds(seconds, err)) {
                return 2;
            }
            BppInstance.Read read = BppInstance.read(file);
            if (read instanceof BppInstance.Invalid invalid) {
                err.println("error: " + invalid.message());
                err.println(invalid.maybe());
                return 1;
            }
            BppInstance instance = ((BppInstance.Loaded) read).instance();
            CuttingBenchmark.Run run =
                    CuttingBenchmark.run(instance, Duration.ofMillis((long) (seconds * 1000)), seed.value);
            if (out != null) {
                Files.writeString(out, run.planJson() + "\n");
            }
            stdout.println(run.toJson());
            return 0;
        }
    }

    @Command(
            name = "cutting-suite",
            description = "Runs the instances of bench-data/production/cutting/bounds.csv and prints, per set,"
                    + " how many reached the proven optimum, mean and max seconds, and every miss.")
    static final class Suite implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--set", defaultValue = "", description = "only sets whose name starts with this")
        String set;

        @Option(names = "--seconds", defaultValue = "10", description = "time limit each (default ${DEFAULT-VALUE})")
        double seconds;

        @Option(
                names = "--data",
                defaultValue = "../shared/bench-data/production",
                description = "the production bench-data folder (default ${DEFAULT-VALUE})")
        Path data;

        @Mixin
        SeedOption seed;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (badSeconds(seconds, err)) {
                return 2;
            }
            if (!Files.isRegularFile(data.resolve("cutting/bounds.csv"))) {
                err.println("error: " + data.resolve("cutting/bounds.csv") + " does not exist");
                err.println("Maybe run from the repository root, or pass --data PATH/TO/bench-data/production.");
                return 1;
            }
            CuttingBenchmark.suite(
                    data,
                    set,
                    Duration.ofMillis((long) (seconds * 1000)),
                    seed.value,
                    spec.commandLine().getOut());
            return 0;
        }
    }
}
