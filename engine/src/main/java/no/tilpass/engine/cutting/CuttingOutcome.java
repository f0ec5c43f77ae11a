package no.tilpass.engine.cutting;

import java.util.List;

/** The outcome of planning: a cutting plan, or the reasons the request was rejected. */
public sealed interface CuttingOutcome permits CuttingOutcome.Planned, CuttingOutcome.Rejected {

    /** A plan per profile type plus the totals over all of them. */
    record Planned(List<ProfilePlan> profiles, Totals totals) implements CuttingOutcome {
        public Planned {
            profiles = List.copyOf(profiles);
        }
    }

    /** The request cannot be planned; every problem says where, what, and a line starting "Maybe". */
    record Rejected(List<Problem> problems) implements CuttingOutcome {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /** One problem with the request: the field, what is wrong, and the likely fix ("Maybe ..."). */
    record Problem(String where, String message, String maybe) {}

    /**
     * The plan of one profile type. {@code lowerBound} is a lower bound on the new bars (without using
     * remnants); {@code provenMinimal} says the new bars cannot be fewer for the pieces left after the
     * remnants.
     */
    record ProfilePlan(
            String profile,
            int barLength,
            List<BarPlan> bars,
            int newBars,
            int remnantsUsed,
            int remnantsKept,
            long waste,
            double wastePercent,
            int lowerBound,
            boolean provenMinimal) {
        public ProfilePlan {
            bars = List.copyOf(bars);
        }
    }

    /**
     * One bar and its cuts in order. {@code source} is "new" or the id of the stock remnant; {@code waste}
     * is the material lost (trim, kerfs, and the leftover when it is too short to keep);
     * {@code keptRemnant} is the length of the leftover stored as a new remnant, 0 when none.
     */
    record BarPlan(String source, int length, List<Cut> cuts, int waste, int keptRemnant) {
        public BarPlan {
            cuts = List.copyOf(cuts);
        }
    }

    /** One piece cut at {@code offset} mm from the start of the bar. */
    record Cut(String orderId, String itemId, int offset, int length) {}

    /** Totals over all profiles: bars are new bars; material counts new bars and used remnants. */
    record Totals(
            int newBars,
            int remnantsUsed,
            int remnantsKept,
            long material,
            long pieceLength,
            long waste,
            double wastePercent) {}
}
