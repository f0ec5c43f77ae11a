package no.tilpass.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.space.SolutionSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "domains",
        description = "Prints, for every option, exactly the values that extend to a valid configuration.")
final class DomainsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelArgument model;

    @Mixin
    AssumeOption assume;

    @Option(names = "--json", description = "print one JSON object: option name -> array of valid values")
    boolean json;

    @Override
    public Integer call() {
        return ModelCommand.run(spec, model, assume, this::domains);
    }

    private int domains(ModelCommand.Input input, PrintWriter out, PrintWriter err) {
        SolutionSpace space = input.space();
        long start = System.nanoTime();
        DomainResult result = new Configurator(space).domains(input.decisions());
        long micros = (System.nanoTime() - start) / 1_000;
        if (!(result instanceof DomainResult.Consistent consistent)) {
            DecisionInput.printConflict(space, input.decisions(), err);
            return 1;
        }
        List<int[]> valid = consistent.validIndices();
        if (json) {
            out.println(DomainPrinter.json(space, valid));
            return 0;
        }
        out.println(Summary.of(input.loaded()));
        for (int o = 0; o < space.options().size(); o++) {
            no.tilpass.engine.space.Option option = space.options().get(o);
            out.println(option.name() + ": " + DomainPrinter.text(option, valid.get(o)));
        }
        out.printf(
                "domains computed in %.3f ms; %d of %d options have one valid value%n",
                micros / 1000.0, consistent.forcedCount(), space.options().size());
        return 0;
    }
}
