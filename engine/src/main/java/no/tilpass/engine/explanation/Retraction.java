package no.tilpass.engine.explanation;

import java.util.List;
import no.tilpass.engine.space.Decision;

/**
 * A decision the customer should retract, with the other values of its option that stay consistent with
 * the decisions that are kept (so the decision may be changed instead of dropped).
 *
 * @param decision the decision to retract
 * @param alternatives other values of the same option that are consistent with the kept decisions (and
 *     with the wanted value, for {@link Change}), in value order; empty when there are none or when the
 *     option has more than {@link Explainer#MAX_ALTERNATIVE_VALUES} values
 */
public record Retraction(Decision decision, List<String> alternatives) {
    public Retraction {
        alternatives = List.copyOf(alternatives);
    }
}
