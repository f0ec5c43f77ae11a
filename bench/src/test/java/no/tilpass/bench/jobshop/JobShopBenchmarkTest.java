package no.tilpass.bench.jobshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import no.tilpass.engine.scheduling.Job;
import no.tilpass.engine.scheduling.Operation;
import org.junit.jupiter.api.Test;

class JobShopBenchmarkTest {
    private static final Path DATA =
            Path.of(System.getProperty("tilpass.shared", "../../shared")).resolve("bench-data/production/jobshop");

    @Test
    void ft06_reaches_its_optimum_55_and_proves_it() {
        Path file = DATA.resolve("FisherThompson1963/ft06.txt");
        assumeTrue(Files.exists(file), "shared benchmark data not present: " + file);
        JobShopInstance instance = ((JobShopInstance.Loaded) JobShopInstance.read(file)).instance();

        JobShopRun run = JobShopBenchmark.run(instance, 30, 2);

        assertThat(run.makespan()).isEqualTo(55);
        assertThat(run.lowerBound()).isEqualTo(55);
        assertThat(run.optimal()).isTrue();
        assertThat(violations(instance, run.starts(), run.makespan())).isEmpty();
        assertThat(run.toJson()).startsWith("{\"makespan\":55,\"lower_bound\":55,\"seconds\":");
        assertThat(run.scheduleJson()).startsWith("{\"starts\":[[").contains("],[");
    }

    @Test
    void a_small_instance_is_read_in_processing_order_with_machines_from_zero() {
        JobShopInstance.Read read = JobShopInstance.parse("tiny", "tiny.txt", "2 2\n0 3 1 2\n1 4  0 1\n");

        JobShopInstance instance = ((JobShopInstance.Loaded) read).instance();
        assertThat(instance.problem().jobs().get(0).operations())
                .containsExactly(new Operation("M0", 3), new Operation("M1", 2));
        assertThat(instance.problem().jobs().get(1).operations())
                .containsExactly(new Operation("M1", 4), new Operation("M0", 1));
        JobShopRun run = JobShopBenchmark.run(instance, 5, 1);
        assertThat(run.makespan()).isEqualTo(6);
        assertThat(violations(instance, run.starts(), run.makespan())).isEmpty();
    }

    @Test
    void a_zero_duration_operation_is_read_and_scheduled() {
        JobShopInstance.Read read = JobShopInstance.parse("zero", "zero.txt", "2 2\n0 3 1 0\n1 4 0 1\n");

        JobShopInstance instance = ((JobShopInstance.Loaded) read).instance();
        JobShopRun run = JobShopBenchmark.run(instance, 5, 1);
        assertThat(run.makespan()).isEqualTo(5);
        assertThat(violations(instance, run.starts(), run.makespan())).isEmpty();
    }

    @Test
    void a_machine_out_of_range_is_reported_with_its_place_and_a_likely_fix() {
        JobShopInstance.Read read = JobShopInstance.parse("bad", "bad.txt", "2 2\n0 3 1 2\n2 4 1 1\n");

        assertThat(read).isInstanceOf(JobShopInstance.Failed.class);
        assertThat(((JobShopInstance.Failed) read).message())
                .startsWith("bad.txt:3:1: job 1 uses machine 2")
                .contains("\nMaybe machines are numbered from 1");
    }

    @Test
    void a_missing_job_line_is_reported() {
        JobShopInstance.Read read = JobShopInstance.parse("short", "short.txt", "3 2\n0 3 1 2\n1 4 0 1\n");

        assertThat(((JobShopInstance.Failed) read).message()).contains("expected 3 job lines, found 2", "Maybe");
    }

    @Test
    void the_suite_reports_gap_per_instance_and_mean_gap_per_family() {
        assumeTrue(Files.exists(DATA.resolve("bounds.csv")), "shared benchmark data not present");
        List<JobShopSuite.Bound> rows = ((JobShopSuite.BoundsLoaded) JobShopSuite.readBounds(DATA)).rows();
        List<String> lines = new ArrayList<>();

        List<JobShopSuite.Entry> entries =
                JobShopSuite.run(DATA, rows, Set.of(), Set.of("ft06", "la01"), 20, 2, lines::add);

        assertThat(entries).hasSize(2);
        assertThat(lines.get(0)).startsWith("ft06").contains("makespan    55", "gap   0.00%");
        assertThat(lines).anyMatch(l -> l.startsWith("family ft") && l.contains("at best-known  1/1"));
        assertThat(lines).anyMatch(l -> l.startsWith("family la"));
        assertThat(lines.get(lines.size() - 1))
                .startsWith("{\"families\":{\"ft\":")
                .contains("\"mean_gap_pct\":0.000");
    }

    /** Independent check: precedence inside jobs, one operation at a time per machine, the makespan. */
    private static List<String> violations(JobShopInstance instance, long[][] starts, long makespan) {
        List<String> out = new ArrayList<>();
        List<long[]> perMachine = new ArrayList<>();
        long end = 0;
        for (int j = 0; j < starts.length; j++) {
            Job job = instance.problem().jobs().get(j);
            long ready = 0;
            for (int k = 0; k < starts[j].length; k++) {
                Operation op = job.operations().get(k);
                if (starts[j][k] < ready) {
                    out.add("job " + j + " op " + k + " starts before its predecessor ends");
                }
                ready = starts[j][k] + op.duration();
                if (op.duration() > 0) {
                    perMachine.add(new long[] {Long.parseLong(op.workCentre().substring(1)), starts[j][k], ready});
                }
            }
            end = Math.max(end, ready);
        }
        perMachine.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        for (int i = 1; i < perMachine.size(); i++) {
            long[] a = perMachine.get(i - 1);
            long[] b = perMachine.get(i);
            if (a[0] == b[0] && b[1] < a[2]) {
                out.add("machine " + a[0] + " overlaps at " + b[1]);
            }
        }
        if (end != makespan) {
            out.add("makespan " + makespan + " but the last operation ends at " + end);
        }
        return out;
    }
}
