package no.tilpass.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.explanation.Explainer;
import no.tilpass.engine.space.Decision;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ModelInput.Loaded> loaded = ModelInput.load(model.path, err);
        if (loaded.isEmpty()) {
            return 1;
        }
        SolutionSpace space = loaded.get().space();
        Optional<List<Decision>> decisions = DecisionInput.decisions(assume.text, space, err);
        if (decisions.isEmpty()) {
            return 2;
        }
        long start = System.nanoTime();
        DomainResult result = new Configurator(space).domains(decisions.get());
        long micros = (System.nanoTime() - start) / 1_000;
        if (!(result instanceof DomainResult.Consistent consistent)) {
            err.println("error: the decisions conflict: no valid configuration has them all.");
            ExplainCommand.printRepair(new Explainer(space).repair(decisions.get()), err);
            return 1;
        }
        List<int[]> valid = consistent.validIndices();
        if (json) {
            out.println(DomainPrinter.json(space, valid));
            return 0;
        }
        out.println(Summary.of(loaded.get()));
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
