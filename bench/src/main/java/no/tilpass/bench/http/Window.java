package no.tilpass.bench.http;

/**
 * When the measured period runs, in {@link System#nanoTime()}: unknown (never reached) until the warm-up
 * ends and {@link #open} fixes it, so that the customers can start before its length is known.
 */
final class Window {
    private volatile long from = Long.MAX_VALUE;
    private volatile long end = Long.MAX_VALUE;

    /** Measures from {@code from} to {@code end}. */
    void open(long from, long end) {
        this.end = end;
        this.from = from;
    }

    long from() {
        return from;
    }

    long end() {
        return end;
    }

    /** Whether a step that began at {@code start} and took {@code nanos} lies inside the window. */
    boolean contains(long start, long nanos) {
        long f = from;
        return start >= f && start + nanos <= end;
    }
}
