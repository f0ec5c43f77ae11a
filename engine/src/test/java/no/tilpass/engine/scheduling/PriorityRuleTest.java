package no.tilpass.engine.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriorityRuleTest {
    static void assertSame(SchedulingProblem problem, String what) {
        Optional<long[][]> expected = PriorityRuleReference.schedule(problem);
        Optional<long[][]> actual = PriorityRule.schedule(problem);
        assertThat(actual.isPresent()).as(what).isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.get()).as(what).isDeepEqualTo(expected.get());
        }
    }

    @Test
    void keeping_each_jobs_earliest_fit_between_steps_gives_the_same_schedules_as_fitting_every_job_every_step() {
        for (long seed = 1; seed <= 300; seed++) {
            int jobs = 1 + (int) (seed % 12);
            int machines = 1 + (int) (seed % 5);
            assertSame(RandomProblems.generate(seed, jobs, machines), "seed " + seed + " with calendars");
            assertSame(RandomProblems.plain(seed, jobs, machines), "seed " + seed + " plain");
        }
    }

    @Test
    void a_schedule_that_ends_after_the_horizon_is_refused_by_both() {
        int refused = 0;
        for (long seed = 1; seed <= 100; seed++) {
            SchedulingProblem p = RandomProblems.generate(seed, 6, 3);
            SchedulingProblem tight = new SchedulingProblem(p.workCentres(), p.jobs(), 20 + seed % 30);
            assertSame(tight, "seed " + seed + " with horizon " + tight.horizonEnd());
            if (PriorityRuleReference.schedule(tight).isEmpty()) {
                refused++;
            }
        }
        assertThat(refused).as("the tight horizons refuse some schedules").isPositive();
    }
}
