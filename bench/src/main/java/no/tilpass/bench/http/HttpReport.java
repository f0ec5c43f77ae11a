package no.tilpass.bench.http;

import java.util.Locale;

/**
 * What one {@code bench http} run measured. A step is one configuration change (set, clear or undo);
 * latencies are of steps only, measured after the warm-up.
 *
 * @param sessions concurrent simulated customers
 * @param seconds measured seconds (after the warm-up)
 * @param steps steps completed in the measured seconds
 * @param stepsPerSecond steps per second
 * @param p50Millis median step latency
 * @param p95Millis 95th percentile step latency
 * @param p99Millis 99th percentile step latency
 * @param errors failed requests of any kind (non-2xx answers and I/O errors), warm-up included
 * @param allSteps steps answered successfully in any phase: warm-up, measured, in flight at the end
 * @param created configuration sessions created, warm-up included
 * @param completed sessions that reached a complete configuration, warm-up included
 * @param product the product configured
 * @param inProcess whether the server was started in-process for this run
 * @param cpuMillisPerStep CPU time of this whole process (customers, and the server when in-process) in
 *     the measured seconds per measured step: what a step costs independent of other load on the machine
 * @param bytesPerState the mean size of a step's answer (the state JSON) in bytes
 */
public record HttpReport(
        int sessions,
        double seconds,
        long steps,
        double stepsPerSecond,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        long errors,
        long allSteps,
        long created,
        long completed,
        String product,
        boolean inProcess,
        double cpuMillisPerStep,
        long bytesPerState) {

    /** One JSON object on one line, the headline figures first. */
    public String toJson() {
        return String.format(
                Locale.ROOT,
                "{\"steps_per_s\":%.1f,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"errors\":%d,\"sessions\":%d,\"seconds\":%.1f,"
                        + "\"steps\":%d,\"p99_ms\":%.2f,\"all_steps\":%d,\"created\":%d,\"completed\":%d,\"product\":\"%s\","
                        + "\"in_process\":%b,\"cpu_ms_per_step\":%.3f,\"bytes_per_state\":%d}",
                stepsPerSecond,
                p50Millis,
                p95Millis,
                errors,
                sessions,
                seconds,
                steps,
                p99Millis,
                allSteps,
                created,
                completed,
                product.replace("\\", "\\\\").replace("\"", "\\\""),
                inProcess,
                cpuMillisPerStep,
                bytesPerState);
    }
}
