package no.tilpass.engine.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TabuSearchTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_n7_search_with_path_relinking_keeps_random_job_shops_valid_and_never_worse_than_its_start() {
        for (long seed = 700; seed < 724; seed++) {
            SchedulingProblem problem = awkward(seed);
            long[][] start = PriorityRule.schedule(problem).orElseThrow();
            long[][] improved = TabuSearch.improve(problem, start, 0, System.nanoTime() + SECOND / 5, 30_000, seed);
            Schedule schedule = ScheduleChecker.assertImproved(problem, start, improved, seed);
            assertThat(schedule.objective().makespan())
                    .as("seed %d", seed)
                    .isGreaterThanOrEqualTo(Scheduler.trivialMakespanBound(problem));
        }
    }

    @Test
    void parallel_searches_return_a_valid_schedule_no_worse_than_their_start() {
        for (long seed = 800; seed < 806; seed++) {
            SchedulingProblem problem = RandomProblems.plain(seed, 12, 6);
            long[][] start = PriorityRule.schedule(problem).orElseThrow();
            long[][] improved =
                    TabuSearch.improveInParallel(problem, start, 0, System.nanoTime() + SECOND / 5, 50_000, seed, 3);
            ScheduleChecker.assertImproved(problem, start, improved, seed);
        }
    }

    @Test
    void tiny_job_shops_reach_the_brute_force_makespan_by_tabu_search_alone() {
        for (long seed = 900; seed < 916; seed++) {
            SchedulingProblem problem =
                    seed % 2 == 0 ? RandomProblems.plain(seed, 3, 3) : RandomProblems.plain(seed, 4, 2);
            long expected = BruteForce.best(problem).orElseThrow().makespan();
            long[][] start = PriorityRule.schedule(problem).orElseThrow();
            long[][] improved = TabuSearch.improve(problem, start, 0, System.nanoTime() + 10 * SECOND, 30_000, seed);
            assertThat(Schedule.of(problem, improved).objective().makespan())
                    .as("seed %d", seed)
                    .isEqualTo(expected);
        }
    }

    @Test
    void a_start_that_is_not_semi_active_is_compressed_even_when_the_bound_stops_the_search_at_once() {
        SchedulingProblem problem = RandomProblems.plain(950, 6, 3);
        long[][] start = PriorityRule.schedule(problem).orElseThrow();
        long[][] late = new long[start.length][];
        for (int j = 0; j < start.length; j++) {
            late[j] = start[j].clone();
            for (int k = 0; k < late[j].length; k++) {
                late[j][k] += 7; // every operation a little later than it could be
            }
        }
        long lateMakespan = Schedule.of(problem, late).objective().makespan();
        long[][] improved =
                TabuSearch.improve(problem, late, lateMakespan + 1, System.nanoTime() + 10 * SECOND, 30_000, 1);
        Schedule schedule = Schedule.of(problem, improved);
        assertThat(ScheduleChecker.violations(problem, schedule)).isEmpty();
        assertThat(schedule.objective().makespan()).isLessThan(lateMakespan);
    }

    /**
     * Plain job shops that stress the cycle guards: jobs that visit a work centre twice, milestones of
     * zero duration, release dates, and more jobs than work centres.
     */
    private static SchedulingProblem awkward(long seed) {
        Random random = new Random(seed);
        int machines = 2 + random.nextInt(4);
        int jobs = 3 + random.nextInt(8);
        List<WorkCentre> centres = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            centres.add(new WorkCentre("M" + m, List.of()));
        }
        List<Job> list = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            List<Operation> ops = new ArrayList<>();
            int length = 1 + random.nextInt(2 * machines);
            for (int k = 0; k < length; k++) {
                long duration = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(12);
                ops.add(new Operation("M" + random.nextInt(machines), duration));
            }
            long release = random.nextBoolean() ? 0 : random.nextInt(15);
            list.add(new Job("J" + j, ops, release, OptionalLong.empty()));
        }
        return SchedulingProblem.of(centres, list);
    }
}
