package no.tilpass.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./tilpass}: the Tilpass command line. */
@Command(
        name = "tilpass",
        mixinStandardHelpOptions = true,
        version = "Tilpass 0.1.0-SNAPSHOT",
        description = "Mass customization for manufacturers and their clusters.",
        subcommands = {
            CheckCommand.class,
            DomainsCommand.class,
            ExplainCommand.class,
            CountCommand.class,
            BomCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("tilpass: internal error: " + e);
            err.println("Maybe this is a bug in Tilpass; please report it with the command you ran.");
            return 3;
        });
        return cli.execute(args);
    }
}
