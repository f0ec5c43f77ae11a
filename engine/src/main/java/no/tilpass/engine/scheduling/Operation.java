package no.tilpass.engine.scheduling;

/**
 * One step of a job: it occupies {@code workCentre} exclusively for {@code duration} time units. A
 * zero duration (a milestone) occupies nothing and may sit anywhere, even inside unavailable time.
 */
public record Operation(String workCentre, long duration) {
    public Operation {
        if (duration < 0) {
            throw new IllegalArgumentException(
                    "operation on " + workCentre + " has duration " + duration + "; durations must not be negative");
        }
    }
}
