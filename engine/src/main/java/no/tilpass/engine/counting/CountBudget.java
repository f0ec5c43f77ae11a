package no.tilpass.engine.counting;

import java.time.Duration;

/**
 * Limits for one count: wall-clock time and number of decisions (branch nodes). The counter checks the
 * clock every few hundred decisions, so it may run slightly over {@code time}.
 */
public record CountBudget(Duration time, long maxDecisions) {
    public CountBudget {
        if (time == null || time.isNegative()) {
            throw new IllegalArgumentException("time must be a non-negative duration, was " + time);
        }
        if (maxDecisions < 0) {
            throw new IllegalArgumentException("maxDecisions must be non-negative, was " + maxDecisions);
        }
    }

    /** No limit. */
    public static CountBudget unlimited() {
        return new CountBudget(Duration.ofSeconds(Long.MAX_VALUE), Long.MAX_VALUE);
    }

    /** A time limit and no decision limit. */
    public static CountBudget ofTime(Duration time) {
        return new CountBudget(time, Long.MAX_VALUE);
    }
}
