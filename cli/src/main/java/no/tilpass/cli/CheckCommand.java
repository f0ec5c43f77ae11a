package no.tilpass.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import no.tilpass.engine.analysis.Analysis;
import no.tilpass.engine.analysis.ModelAnalysis;
import no.tilpass.engine.analysis.OptionValue;
import no.tilpass.engine.counting.ModelCounter;
import no.tilpass.engine.explanation.Explainer;
import no.tilpass.engine.sat.SatResult;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        description = "Loads and validates a model and prints a summary; exit 1 with errors (file:line:column,"
                + " the offending text and a 'Maybe' line) when it is not valid.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelArgument model;

    @Option(names = "--analyse", description = "also list dead values (in no valid configuration) and core values")
    boolean analyse;

    @Option(names = "--count", description = "also count the valid configurations exactly")
    boolean count;

    @Override
    public Integer call() {
        return ModelCommand.run(spec, model, this::check);
    }

    private int check(ModelCommand.Input input, PrintWriter out, PrintWriter err) {
        SolutionSpace space = input.space();
        out.println(Summary.of(input.loaded()));
        if (SatSolver.of(space.cnf()).solve() != SatResult.SATISFIABLE) {
            List<Rule> conflict = new Explainer(space).conflictingRules();
            err.println("error: " + model.path + ": the model has no valid configuration; these " + conflict.size()
                    + " rules conflict (a minimal set):");
            for (Rule r : conflict) {
                err.println("  " + (r.source().isBlank() ? "" : r.source() + ": ") + r.id()
                        + (r.name().equals(r.id()) ? "" : " \"" + r.name() + "\"") + ": " + r.explanation());
            }
            err.println("Maybe relax or remove one of these rules.");
            return 1;
        }
        out.println("satisfiable: yes");
        if (analyse) {
            Analysis analysis = ModelAnalysis.analyse(space);
            out.println("dead values (" + analysis.deadValues().size() + "): " + join(analysis.deadValues()));
            out.println("core values (" + analysis.coreValues().size() + "): " + join(analysis.coreValues()));
        }
        if (count) {
            BigInteger n = ModelCounter.count(space, new int[0]);
            out.println("valid configurations: " + n);
        }
        out.println("ok");
        return 0;
    }

    private static String join(List<OptionValue> values) {
        if (values.isEmpty()) {
            return "none";
        }
        List<String> shown =
                values.stream().limit(50).map(OptionValue::toString).toList();
        return String.join(", ", shown) + (values.size() > 50 ? ", ... (" + (values.size() - 50) + " more)" : "");
    }
}
