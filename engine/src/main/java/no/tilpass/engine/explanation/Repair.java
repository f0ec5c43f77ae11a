package no.tilpass.engine.explanation;

import java.util.List;
import no.tilpass.engine.space.Decision;

/** The answer to "my decisions conflict: what do I give up?". */
public sealed interface Repair {

    /** The decisions are consistent; nothing to retract. */
    record Consistent(List<Decision> decisions) implements Repair {
        public Consistent {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * Retract {@code retractions} (oldest first) and keep {@code kept} (the remaining decisions, oldest
     * first), which are consistent. The set is minimal: putting back any one retracted decision conflicts
     * again. Among the minimal sets it keeps the most recent decisions: scanning from the newest decision
     * to the oldest, every decision is kept that is consistent with the newer ones kept.
     */
    record Retract(List<Retraction> retractions, List<Decision> kept) implements Repair {
        public Retract {
            retractions = List.copyOf(retractions);
            kept = List.copyOf(kept);
        }

        /** The retracted decisions, oldest first. */
        public List<Decision> retracted() {
            return retractions.stream().map(Retraction::decision).toList();
        }
    }

    /** The model itself admits no valid configuration, so no set of decisions can be repaired. */
    record NoValidConfiguration() implements Repair {}
}
