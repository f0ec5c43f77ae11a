package no.tilpass.engine.model;

import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Diagnostic;

/**
 * A full configuration of a {@link ProductModel} checked for evaluating its formulas (price, bill of
 * materials, routing): either valid, with an {@link Evaluator}, or rejected with the reasons — unknown
 * options or values, options without a value, broken rules — exactly as {@link ProductModel#quote(Map)}
 * rejects it.
 */
public sealed interface Evaluation {

    /**
     * Checks {@code configuration} (every option, component options namespaced, mapped to its value as
     * written: {@code "true"}, {@code "1200"}, {@code "wood"}) against {@code model}. Never throws for bad
     * input.
     */
    static Evaluation of(ProductModel model, Map<String, String> configuration) {
        return Quoting.evaluation(model, configuration);
    }

    /** A valid full configuration and the evaluator of formulas over it. */
    record Valid(Evaluator evaluator) implements Evaluation {}

    /** Why the configuration cannot be evaluated; never empty. */
    record Rejected(List<Diagnostic> problems) implements Evaluation {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
