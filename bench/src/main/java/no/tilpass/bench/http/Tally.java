package no.tilpass.bench.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What one simulated customer counted; merged after the run. Used by one thread only. */
final class Tally {
    private long[] latencies = new long[1024];
    private int size;
    private long errors;
    private long created;
    private long completed;
    private long answered;
    private long bytes;
    private final List<String> firstErrors = new ArrayList<>();

    void step(long nanos, long bodyBytes) {
        bytes += bodyBytes;
        if (size == latencies.length) {
            latencies = Arrays.copyOf(latencies, size * 2);
        }
        latencies[size++] = nanos;
    }

    void error(String what) {
        errors++;
        if (firstErrors.size() < 3) {
            firstErrors.add(what);
        }
    }

    void answered() {
        answered++;
    }

    long answeredCount() {
        return answered;
    }

    void created() {
        created++;
    }

    void completed() {
        completed++;
    }

    long[] latencies() {
        return Arrays.copyOf(latencies, size);
    }

    /** Response body bytes (UTF-8) of the measured steps. */
    long bytes() {
        return bytes;
    }

    long errors() {
        return errors;
    }

    long createdCount() {
        return created;
    }

    long completedCount() {
        return completed;
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }
}
