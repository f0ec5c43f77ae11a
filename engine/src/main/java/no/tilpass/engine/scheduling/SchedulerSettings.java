package no.tilpass.engine.scheduling;

import java.time.Duration;

/** Solver settings: the wall-clock limit, the number of parallel workers and the random seed. */
public record SchedulerSettings(Duration timeLimit, int workers, int seed) {
    public SchedulerSettings {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit " + timeLimit + " must be positive");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + " must be at least 1");
        }
    }

    /** Ten seconds, one worker per available processor, seed 1. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(
                Duration.ofSeconds(10), Runtime.getRuntime().availableProcessors(), 1);
    }

    public SchedulerSettings withTimeLimit(Duration limit) {
        return new SchedulerSettings(limit, workers, seed);
    }

    public SchedulerSettings withWorkers(int count) {
        return new SchedulerSettings(timeLimit, count, seed);
    }
}
