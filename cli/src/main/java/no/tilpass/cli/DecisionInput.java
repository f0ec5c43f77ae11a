package no.tilpass.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.Resolution;
import no.tilpass.engine.explanation.Explainer;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.SolutionSpace;

/** Parses and validates {@code --assume} against the model, printing clear errors. */
final class DecisionInput {
    private DecisionInput() {}

    /** The validated decisions, or empty after printing what is wrong. */
    static Optional<List<Decision>> decisions(String text, SolutionSpace space, PrintWriter err) {
        return resolve(text, space, err).map(Resolved::decisions);
    }

    /** The validated decisions, also as SAT literals, or empty after printing what is wrong. */
    static Optional<Resolved> resolve(String text, SolutionSpace space, PrintWriter err) {
        Assumptions.Parsed parsed = Assumptions.parse(text, space);
        if (parsed.error().isPresent()) {
            err.println("error: " + parsed.error().get());
            return Optional.empty();
        }
        Resolution resolution = Configurator.resolve(space, parsed.decisions());
        if (resolution instanceof Resolution.Invalid invalid) {
            for (int i = 0; i < invalid.problems().size(); i++) {
                err.println(
                        "error: " + parsed.decisions().get(invalid.decisions().get(i)) + ": "
                                + invalid.problems().get(i));
            }
            return Optional.empty();
        }
        return Optional.of(new Resolved(parsed.decisions(), ((Resolution.Resolved) resolution).literals()));
    }

    /** Says that {@code decisions} have no valid configuration and prints the minimal repair. */
    static void printConflict(SolutionSpace space, List<Decision> decisions, PrintWriter err) {
        err.println("error: the decisions conflict: no valid configuration has them all.");
        ExplainCommand.printRepair(new Explainer(space).repair(decisions), err);
    }

    record Resolved(List<Decision> decisions, int[] literals) {}
}
