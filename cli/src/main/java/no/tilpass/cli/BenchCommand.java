package no.tilpass.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.tilpass.bench.ChainedCopies;
import no.tilpass.bench.SessionBenchmark;
import no.tilpass.bench.SessionReport;
import no.tilpass.bench.http.HttpBenchmark;
import no.tilpass.bench.production.ProductionBenchmark;
import no.tilpass.engine.space.SolutionSpace;
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
            BenchCommand.Http.class,
            BenchCommand.Production.class,
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

        @Mixin
        SeedOption seed;

        @Option(
                names = "--baseline",
                description = "replay the session with the plain Sat4j witness baseline and compare")
        boolean baseline;

        @Option(names = "--progress", description = "print one line per step (time, open options, solver effort)")
        boolean progress;

        @Option(
                names = "--copies",
                defaultValue = "1",
                description = "for a scale check: run on this many copies of a boolean MODEL, chained by"
                        + " implications between neighbouring copies (synthetic; default ${DEFAULT-VALUE})")
        int copies;

        @Override
        public Integer call() {
            if (steps < 0) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: --steps " + steps + " is negative");
                err.println("Maybe use --steps 20.");
                return 2;
            }
            if (copies < 1) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: --copies " + copies + " is less than 1");
                err.println("Maybe use --copies 4.");
                return 2;
            }
            return ModelCommand.run(spec, model, this::session);
        }

        private int session(ModelCommand.Input input, PrintWriter out, PrintWriter err) {
            out.println(Summary.of(input.loaded()));
            SolutionSpace space = input.space();
            if (copies > 1) {
                Optional<SolutionSpace> chained = ChainedCopies.of(space, copies);
                if (chained.isEmpty()) {
                    err.println("error: --copies " + copies + " needs a model whose options are all boolean; "
                            + model.path + " has other kinds");
                    err.println("Maybe use a DIMACS or a boolean UVL model, or leave out --copies.");
                    return 2;
                }
                space = chained.get();
                out.printf(
                        "chained copies: %d (%d variables, %d clauses, %d links between neighbours; synthetic)%n",
                        copies, space.cnf().variableCount(), space.cnf().clauseCount(), ChainedCopies.LINKS);
            }
            SessionReport report = SessionBenchmark.run(
                    space,
                    input.loaded().loadMillis(),
                    steps,
                    seed.value,
                    baseline,
                    progress ? line -> out.println(line) : line -> {});
            out.println(report.toJson());
            return 0;
        }
    }

    @Command(
            name = "http",
            description = "Simulated customers over loopback HTTP: each creates a session for the product, then sets"
                    + " (seeded) valid values of open options with at least two valid values, now and then undoes or"
                    + " clears, and starts over when complete. Starts a server in-process when none answers at"
                    + " --url. The last line is one JSON object.")
    static final class Http implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--model",
                defaultValue = "window",
                description = "product id, or a word in it (default ${DEFAULT-VALUE})")
        String model;

        @Option(
                names = "--sessions",
                defaultValue = "50",
                description = "concurrent customers (default ${DEFAULT-VALUE})")
        int sessions;

        @Option(names = "--seconds", defaultValue = "30", description = "measured seconds (default ${DEFAULT-VALUE})")
        double seconds;

        @Option(
                names = "--warmup",
                defaultValue = "20",
                description = "seconds run at least before measuring (default ${DEFAULT-VALUE}); with the server"
                        + " in-process the warm-up goes on until the JIT has settled (less than 250 ms of"
                        + " compilation in 5 s), at most 120 s: a freshly started server compiles hot code for"
                        + " 20-60 s; 0 turns the warm-up off)")
        double warmup;

        @Option(
                names = "--url",
                defaultValue = "http://127.0.0.1:7070",
                description = "server to use if one answers (default ${DEFAULT-VALUE})")
        String url;

        @Mixin
        SeedOption seed;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            URI base;
            try {
                base = URI.create(url);
            } catch (IllegalArgumentException e) {
                err.println("error: --url " + url + " is not a URL: " + e.getMessage());
                err.println("Maybe --url http://127.0.0.1:7070.");
                return 2;
            }
            HttpBenchmark.Outcome outcome = HttpBenchmark.run(
                    new HttpBenchmark.Settings(model, sessions, seconds, warmup, base, seed.value), err);
            if (outcome instanceof HttpBenchmark.Outcome.Failed failed) {
                err.println("error: " + failed.message());
                err.println(failed.maybe());
                return 1;
            }
            out.println(((HttpBenchmark.Outcome.Measured) outcome).report().toJson());
            return 0;
        }
    }

    @Command(
            name = "production",
            description =
                    "Fills one firm's plan over loopback HTTP on a server started in-process with a temporary data"
                            + " folder: places window orders (seeded sizes and quantities, a share with motorised blinds that"
                            + " wait for the supplier), each released and planned as a customer's order is; then times"
                            + " capable-to-promise steps (width changes answered with a delivery date) against the full plan,"
                            + " one goods receipt of the article most short (covered orders pulled forward, the queue moved"
                            + " up) and one read of the plan. The last line is one JSON object.")
    static final class Production implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--orders", defaultValue = "300", description = "orders to place (default ${DEFAULT-VALUE})")
        int orders;

        @Option(
                names = "--steps",
                defaultValue = "80",
                description = "capable-to-promise steps timed after the orders (default ${DEFAULT-VALUE})")
        int steps;

        @Option(
                names = "--plan-seconds",
                defaultValue = "1",
                description = "the server's planning time limit per order, at least 0.2 (default ${DEFAULT-VALUE};"
                        + " the server's own default is 5)")
        double planSeconds;

        @Option(
                names = "--motorised",
                defaultValue = "0.2",
                description = "share of orders with integrated motorised blinds, 0 to 1 (default ${DEFAULT-VALUE})")
        double motorised;

        @Option(
                names = "--max-quantity",
                defaultValue = "3",
                description = "each order is 1 to this many windows (default ${DEFAULT-VALUE})")
        int maxQuantity;

        @Option(
                names = "--clock",
                paramLabel = "WALL_TIME",
                description = "start the plant's clock (Europe/Oslo) at this time, e.g. 2026-12-07T08:00, to repeat a"
                        + " run on the same weekday and hour (default: the real time)")
        String clock;

        @Mixin
        SeedOption seed;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<LocalDateTime> plantClock = clock == null ? Optional.empty() : PlantClockOption.parse(clock);
            if (clock != null && plantClock.isEmpty()) {
                PlantClockOption.refuse(clock, "error: ", err);
                return 1;
            }
            ProductionBenchmark.Outcome outcome = ProductionBenchmark.run(
                    new ProductionBenchmark.Settings(
                            orders, steps, planSeconds, motorised, maxQuantity, seed.value, plantClock),
                    err);
            if (outcome instanceof ProductionBenchmark.Outcome.Failed failed) {
                err.println("error: " + failed.message());
                err.println(failed.maybe());
                return 1;
            }
            out.println(
                    ((ProductionBenchmark.Outcome.Measured) outcome).report().toJson());
            return 0;
        }
    }
}
