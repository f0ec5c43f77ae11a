package no.tilpass.engine.counting;

import java.math.BigInteger;
import java.time.Duration;

/** The outcome of a count under a {@link CountBudget}: the exact number, or why the counter stopped. */
public sealed interface CountResult {

    /** The exact number of models. */
    record Exact(BigInteger count) implements CountResult {}

    /**
     * The budget ran out before the count was complete.
     *
     * @param reason which limit was reached, in words
     * @param decisions decisions (branch nodes) explored before giving up
     * @param elapsed time spent before giving up
     */
    record GaveUp(String reason, long decisions, Duration elapsed) implements CountResult {}
}
