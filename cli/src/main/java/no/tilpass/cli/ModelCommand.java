package no.tilpass.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.SolutionSpace;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How the commands on a MODEL argument run: load the model (exit 1 after printing its errors), resolve
 * {@code --assume} against it where the command has that option (exit 2 after printing what is wrong), then
 * do the command's work, whose result is the exit code.
 */
final class ModelCommand {
    private ModelCommand() {}

    /** A command's work on the loaded model; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int run(Input input, PrintWriter out, PrintWriter err);
    }

    /** The loaded model and the decisions of {@code --assume} (none without it), also as SAT literals. */
    record Input(ModelInput.Loaded loaded, List<Decision> decisions, int[] literals) {
        SolutionSpace space() {
            return loaded.space();
        }
    }

    /** Runs {@code work} on the model of a command without {@code --assume}. */
    static int run(CommandSpec spec, ModelArgument model, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ModelInput.Loaded> loaded = ModelInput.load(model.path, err);
        if (loaded.isEmpty()) {
            return 1;
        }
        return work.run(new Input(loaded.get(), List.of(), new int[0]), out, err);
    }

    /** Runs {@code work} on the model and the decisions of {@code --assume}. */
    static int run(CommandSpec spec, ModelArgument model, AssumeOption assume, Work work) {
        return run(spec, model, (input, out, err) -> DecisionInput.resolve(assume.text, input.space(), err)
                .map(resolved ->
                        work.run(new Input(input.loaded(), resolved.decisions(), resolved.literals()), out, err))
                .orElse(2));
    }
}
