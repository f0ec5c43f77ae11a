package no.tilpass.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.tilpass.engine.explanation.Change;
import no.tilpass.engine.explanation.Explainer;
import no.tilpass.engine.explanation.Explanation;
import no.tilpass.engine.explanation.Repair;
import no.tilpass.engine.explanation.Retraction;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "explain",
        description = "Explains why a value is unavailable: the minimal set of your own decisions and the rules"
                + " involved, and the one change that makes it available.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelArgument model;

    @Mixin
    AssumeOption assume;

    @Option(names = "--why", paramLabel = "NAME=VALUE", required = true, description = "the value to explain")
    String why;

    @Override
    public Integer call() {
        return ModelCommand.run(spec, model, assume, this::explain);
    }

    private int explain(ModelCommand.Input input, PrintWriter out, PrintWriter err) {
        SolutionSpace space = input.space();
        List<Decision> decisions = input.decisions();
        Optional<List<Decision>> query = DecisionInput.decisions(why, space, err);
        if (query.isEmpty()) {
            return 2;
        }
        if (query.get().size() != 1) {
            err.println("--why: name exactly one NAME=VALUE, not '" + why + "'");
            err.println("Maybe split it into several explain commands.");
            return 2;
        }
        Decision wanted = query.get().get(0);
        Explainer explainer = new Explainer(space);
        Explanation explanation = explainer.whyUnavailable(decisions, wanted);
        if (explanation instanceof Explanation.Available) {
            out.println(wanted + " is available: at least one valid configuration has it with your decisions.");
            return 0;
        }
        if (explanation instanceof Explanation.DecisionsInconsistent) {
            out.println("Your decisions conflict with each other, so nothing can be explained against them.");
            printRepair(explainer.repair(decisions), out);
            return 1;
        }
        Explanation.Excluded excluded = (Explanation.Excluded) explanation;
        if (excluded.dead()) {
            out.println(wanted + " is never available: the model excludes it whatever you choose.");
        } else {
            out.println(wanted + " is unavailable because of your decision"
                    + (excluded.decisions().size() == 1 ? "" : "s") + ":");
            for (Decision d : excluded.decisions()) {
                out.println("  " + d);
            }
        }
        if (!excluded.rules().isEmpty()) {
            out.println("Rule" + (excluded.rules().size() == 1 ? "" : "s") + ":");
            for (Rule r : excluded.rules()) {
                out.println("  " + r.id() + (r.name().equals(r.id()) ? "" : " \"" + r.name() + "\"") + ": "
                        + r.explanation());
            }
        } else if (!excluded.dead()) {
            out.println("(An option takes one value: your decision already chose another.)");
        }
        Change change = explainer.makeAvailable(decisions, wanted);
        if (change instanceof Change.Retract retract) {
            out.println("To make " + wanted + " available: " + describe(retract.retractions()) + ".");
        }
        return 0;
    }

    private static String describe(List<Retraction> retractions) {
        List<String> parts = new ArrayList<>();
        for (Retraction r : retractions) {
            String text = "undo " + r.decision();
            if (!r.alternatives().isEmpty()) {
                List<String> alternatives = r.alternatives();
                text += " (" + r.decision().option() + " could instead be "
                        + String.join(", ", alternatives.subList(0, Math.min(8, alternatives.size())))
                        + (alternatives.size() > 8 ? ", ..." : "") + ")";
            }
            parts.add(text);
        }
        return String.join(" and ", parts);
    }

    static void printRepair(Repair repair, PrintWriter out) {
        if (repair instanceof Repair.Retract retract) {
            out.println("Minimal repair (keeps your most recent decisions): " + describe(retract.retractions()) + ".");
        } else if (repair instanceof Repair.NoValidConfiguration) {
            out.println("The model itself admits no valid configuration.");
        }
    }
}
