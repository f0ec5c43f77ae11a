package no.tilpass.bench;

import java.util.Arrays;
import java.util.Locale;
import no.tilpass.engine.sat.SolverStatistics;

/**
 * The figures of one simulated configuration session.
 *
 * @param stepMillis time of each step (all domains after one more decision), in order
 * @param stepCpuMillis CPU time of the session's thread in each step: on a shared machine it leaves out
 *     the time the thread waited for a core (and the JIT compiler's and collector's threads)
 * @param initialMillis time of the domains before any decision (not a step)
 * @param loadMillis time to load the model, as the caller measured it
 * @param peakHeapMb peak used heap of this JVM, in MiB
 * @param baselineStepMillis the baseline's time of each step, or null without a baseline
 * @param agree whether the baseline found the same domains at every step (true without a baseline)
 * @param stepEffort the configurator's solver effort summed over all steps (not the initial domains)
 */
public record SessionReport(
        double[] stepMillis,
        double[] stepCpuMillis,
        double initialMillis,
        long loadMillis,
        double peakHeapMb,
        double[] baselineStepMillis,
        boolean agree,
        SolverStatistics stepEffort) {

    public int steps() {
        return stepMillis.length;
    }

    public double p50() {
        return percentile(stepMillis, 50);
    }

    public double p95() {
        return percentile(stepMillis, 95);
    }

    public double max() {
        return percentile(stepMillis, 100);
    }

    /** Nearest-rank percentile; 0 for no values. */
    static double percentile(double[] values, int percent) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** One line of JSON. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"steps\":").append(steps());
        field(sb, "p50_ms", p50());
        field(sb, "p95_ms", p95());
        field(sb, "max_ms", max());
        if (steps() > 0) {
            field(sb, "cpu_p50_ms", percentile(stepCpuMillis, 50));
            field(sb, "cpu_p95_ms", percentile(stepCpuMillis, 95));
        }
        field(sb, "initial_ms", initialMillis);
        sb.append(",\"load_ms\":").append(loadMillis);
        field(sb, "peak_heap_mb", peakHeapMb);
        if (steps() > 0) {
            field(sb, "sat_calls_per_step", (double) stepEffort.solves() / steps());
            field(sb, "conflicts_per_step", (double) stepEffort.conflicts() / steps());
            field(sb, "propagations_per_step", (double) stepEffort.propagations() / steps());
        }
        if (baselineStepMillis != null) {
            double b95 = percentile(baselineStepMillis, 95);
            field(sb, "baseline_p50_ms", percentile(baselineStepMillis, 50));
            field(sb, "baseline_p95_ms", b95);
            field(sb, "speedup_p95", p95() > 0 ? b95 / p95() : 0);
            sb.append(",\"agree\":").append(agree);
        }
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String key, double value) {
        sb.append(",\"").append(key).append("\":").append(number(value));
    }

    static String number(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        s = s.contains(".") ? s.replaceAll("0+$", "") : s;
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionReport r
                && Arrays.equals(stepMillis, r.stepMillis)
                && Arrays.equals(stepCpuMillis, r.stepCpuMillis)
                && initialMillis == r.initialMillis
                && loadMillis == r.loadMillis
                && peakHeapMb == r.peakHeapMb
                && Arrays.equals(baselineStepMillis, r.baselineStepMillis)
                && agree == r.agree
                && stepEffort.equals(r.stepEffort);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stepMillis) * 31 + Long.hashCode(loadMillis);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
