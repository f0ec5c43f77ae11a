package no.tilpass.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.tilpass.bench.SessionBenchmark;
import no.tilpass.bench.SessionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        description = "Benchmarks.",
        subcommands = {
            BenchCommand.Session.class,
            BenchJobShop.Single.class,
            BenchJobShop.Suite.class,
            CuttingBenchCommands.Cutting.class,
            CuttingBenchCommands.Suite.class
        })
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "session",
            description = "A simulated user: each step picks (seeded, uniformly) an option with at least two valid"
                    + " values and one of them, then computes all valid domains. The last line is one JSON object.")
    static final class Session implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ModelArgument model;

        @Option(names = "--steps", defaultValue = "20", description = "decisions to make (default ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = "--baseline",
                description = "replay the session with the plain Sat4j witness baseline and compare")
        boolean baseline;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (steps < 0) {
                err.println("error: --steps " + steps + " is negative");
                err.println("Maybe use --steps 20.");
                return 2;
            }
            Optional<ModelInput.Loaded> loaded = ModelInput.load(model.path, err);
            if (loaded.isEmpty()) {
                return 1;
            }
            out.println(Summary.of(loaded.get()));
            SessionReport report =
                    SessionBenchmark.run(loaded.get().space(), loaded.get().loadMillis(), steps, seed, baseline);
            out.println(report.toJson());
            return 0;
        }
    }
}
