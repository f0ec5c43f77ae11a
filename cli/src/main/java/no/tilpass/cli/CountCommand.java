package no.tilpass.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.tilpass.engine.counting.ModelCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "count",
        description = "Counts the valid configurations exactly; the last line is the count as a plain integer.")
final class CountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelArgument model;

    @Mixin
    AssumeOption assume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ModelInput.Loaded> loaded = ModelInput.load(model.path, err);
        if (loaded.isEmpty()) {
            return 1;
        }
        Optional<int[]> literals =
                DecisionInput.literals(assume.text, loaded.get().space(), err);
        if (literals.isEmpty()) {
            return 2;
        }
        long start = System.nanoTime();
        BigInteger count = ModelCounter.count(loaded.get().space(), literals.get());
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println(Summary.of(loaded.get()));
        out.println("counted in " + millis + " ms (" + count.toString().length() + " digits)");
        out.println(count);
        return 0;
    }
}
