package no.tilpass.bench.jobshop;

import java.util.Locale;

/** One solved instance: makespan, proven lower bound, seconds, and the start of every operation. */
public record JobShopRun(
        String name,
        long makespan,
        long lowerBound,
        double seconds,
        boolean optimal,
        long priorityRule,
        long[][] starts) {

    /** The benchmark's last line: {@code {"makespan":M,"lower_bound":L,"seconds":S}}. */
    public String toJson() {
        return String.format(
                Locale.ROOT, "{\"makespan\":%d,\"lower_bound\":%d,\"seconds\":%.3f}", makespan, lowerBound, seconds);
    }

    /** The schedule file: {@code {"starts":[[start of each operation of job 0 in order], ...]}}. */
    public String scheduleJson() {
        StringBuilder sb = new StringBuilder("{\"starts\":[");
        for (int j = 0; j < starts.length; j++) {
            sb.append(j == 0 ? "" : ",").append('[');
            for (int k = 0; k < starts[j].length; k++) {
                sb.append(k == 0 ? "" : ",").append(starts[j][k]);
            }
            sb.append(']');
        }
        return sb.append("]}\n").toString();
    }
}
