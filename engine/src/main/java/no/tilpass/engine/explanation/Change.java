package no.tilpass.engine.explanation;

import java.util.List;
import no.tilpass.engine.space.Decision;

/** The answer to "what must I change so that value X becomes available?". */
public sealed interface Change {

    /** The wanted value, as {@code option=value}. */
    Decision query();

    /** The value is available already. */
    record AlreadyAvailable(Decision query) implements Change {}

    /**
     * Retract {@code retractions} (oldest first; typically one) and the value becomes available;
     * {@code resulting} is the kept decisions, oldest first, followed by the wanted value. The set is
     * minimal (putting back any one retracted decision excludes the value again) and keeps the most recent
     * decisions: scanning from the newest to the oldest, every decision is kept that is consistent with the
     * wanted value and the newer ones kept.
     */
    record Retract(Decision query, List<Retraction> retractions, List<Decision> resulting) implements Change {
        public Retract {
            retractions = List.copyOf(retractions);
            resulting = List.copyOf(resulting);
        }

        /** The retracted decisions, oldest first. */
        public List<Decision> retracted() {
            return retractions.stream().map(Retraction::decision).toList();
        }
    }

    /** The value is dead: no change of decisions makes it available; {@code reason} names the rules. */
    record Impossible(Decision query, Explanation.Excluded reason) implements Change {}
}
