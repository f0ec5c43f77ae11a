package no.tilpass.bench.jobshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.tilpass.engine.scheduling.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared job-shop instance, one short solve each: the schedule is valid (checked here, without
 * the solver), its makespan is not below the instance's proven lower bound, and our lower bound is not
 * above the best-known makespan. Catches a wrong model or a wrong bound, not slowness.
 */
class JobShopSharedInstancesIT {
    private static final Path DATA =
            Path.of(System.getProperty("tilpass.shared", "../../shared")).resolve("bench-data/production/jobshop");
    private static final boolean SLOW = Boolean.getBoolean("tilpass.slow");

    static Stream<JobShopSuite.Bound> instances() {
        if (!Files.exists(DATA.resolve("bounds.csv"))) {
            return Stream.empty();
        }
        return ((JobShopSuite.BoundsLoaded) JobShopSuite.readBounds(DATA)).rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void a_short_solve_gives_a_valid_schedule_between_the_known_bounds(JobShopSuite.Bound bound) {
        assumeTrue(SLOW || bound.family().equals("ft"), "slow suite: -Dtilpass.slow=true");
        Path file = DATA.getParent().resolve(bound.file());
        JobShopInstance instance = ((JobShopInstance.Loaded) JobShopInstance.read(file)).instance();

        JobShopRun run = JobShopBenchmark.run(instance, 1, 2);

        assertThat(instance.jobCount()).isEqualTo(bound.jobs());
        assertThat(instance.machineCount()).isEqualTo(bound.machines());
        assertThat(run.makespan()).isGreaterThanOrEqualTo(bound.bksLb());
        assertThat(run.lowerBound()).isLessThanOrEqualTo(bound.bksUb()).isLessThanOrEqualTo(run.makespan());
        assertThat(run.makespan()).isLessThanOrEqualTo(run.priorityRule());
        long end = 0;
        List<long[]> slots = new java.util.ArrayList<>();
        for (int j = 0; j < instance.jobCount(); j++) {
            List<Operation> ops = instance.problem().jobs().get(j).operations();
            long ready = 0;
            for (int k = 0; k < ops.size(); k++) {
                long start = run.starts()[j][k];
                assertThat(start).as("job %d op %d after its predecessor", j, k).isGreaterThanOrEqualTo(ready);
                ready = start + ops.get(k).duration();
                if (ops.get(k).duration() > 0) {
                    slots.add(
                            new long[] {Integer.parseInt(ops.get(k).workCentre().substring(1)), start, ready});
                }
            }
            end = Math.max(end, ready);
        }
        slots.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int i = 1; i < slots.size(); i++) {
            if (slots.get(i)[0] == slots.get(i - 1)[0]) {
                assertThat(slots.get(i)[1])
                        .as("machine %d one operation at a time", slots.get(i)[0])
                        .isGreaterThanOrEqualTo(slots.get(i - 1)[2]);
            }
        }
        assertThat(end).isEqualTo(run.makespan());
    }
}
