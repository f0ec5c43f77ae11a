package no.tilpass.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
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
        return ModelCommand.run(spec, model, assume, this::count);
    }

    private int count(ModelCommand.Input input, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        BigInteger count = ModelCounter.count(input.space(), input.literals());
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println(Summary.of(input.loaded()));
        out.println("counted in " + millis + " ms (" + count.toString().length() + " digits)");
        out.println(count);
        return 0;
    }
}
