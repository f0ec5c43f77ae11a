package no.tilpass.engine.scheduling;

/** A half-open time interval {@code [start, end)} in the problem's integer time unit (for example minutes). */
public record Interval(long start, long end) {
    public Interval {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("interval [" + start + ", " + end + ") must have 0 <= start <= end");
        }
    }

    public long length() {
        return end - start;
    }

    /** Whether the two intervals share time; touching intervals do not overlap. */
    public boolean overlaps(Interval other) {
        return start < other.end && other.start < end;
    }
}
