package no.tilpass.engine.sat;

/**
 * Deterministic effort counters of a {@link SatSolver}, cumulative since it was created: they judge a
 * change by work done rather than by noisy time.
 *
 * @param solves calls of {@link SatSolver#solve(int...)}
 * @param decisions branching decisions, assumptions included
 * @param propagations literals taken from the trail and propagated
 * @param conflicts conflicts met during search
 */
public record SolverStatistics(long solves, long decisions, long propagations, long conflicts) {
    /** The effort spent between {@code earlier} and this. */
    public SolverStatistics minus(SolverStatistics earlier) {
        return new SolverStatistics(
                solves - earlier.solves,
                decisions - earlier.decisions,
                propagations - earlier.propagations,
                conflicts - earlier.conflicts);
    }
}
