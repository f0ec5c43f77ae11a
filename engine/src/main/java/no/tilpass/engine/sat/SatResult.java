package no.tilpass.engine.sat;

/** The outcome of {@link SatSolver#solve(int...)}. */
public enum SatResult {
    SATISFIABLE,
    UNSATISFIABLE,
    /** The conflict budget ran out before an answer was found. */
    UNKNOWN
}
