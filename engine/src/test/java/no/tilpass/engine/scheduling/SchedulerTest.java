package no.tilpass.engine.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final SchedulerSettings SETTINGS = new SchedulerSettings(Duration.ofSeconds(5), 2, 1);

    @Test
    void schedules_of_random_problems_pass_the_independent_checker() {
        for (long seed = 1; seed <= 12; seed++) {
            SchedulingProblem problem = RandomProblems.generate(seed, 3 + (int) (seed % 4), 2 + (int) (seed % 3));
            ScheduleResult result = Scheduler.solve(problem, SETTINGS);
            assertThat(result).as("seed %d", seed).isInstanceOf(ScheduleResult.Solved.class);
            ScheduleResult.Solved solved = (ScheduleResult.Solved) result;
            assertThat(ScheduleChecker.violations(problem, solved.schedule()))
                    .as("seed %d", seed)
                    .isEmpty();
            assertThat(solved.objective())
                    .as("seed %d", seed)
                    .isEqualTo(solved.schedule().objective());
            assertThat(solved.lowerBound().totalTardiness())
                    .as("seed %d", seed)
                    .isLessThanOrEqualTo(solved.objective().totalTardiness());
            assertThat(solved.lowerBound().makespan())
                    .as("seed %d", seed)
                    .isLessThanOrEqualTo(solved.objective().makespan());
        }
    }

    @Test
    void tiny_problems_reach_the_brute_force_optimum_for_tardiness_then_makespan() {
        for (long seed = 100; seed < 120; seed++) {
            SchedulingProblem problem =
                    seed % 2 == 0 ? RandomProblems.generate(seed, 3, 3) : RandomProblems.generate(seed, 4, 2);
            Optional<Objective> expected = BruteForce.best(problem);
            ScheduleResult result = Scheduler.solve(problem, SETTINGS);
            assertThat(expected).as("seed %d", seed).isPresent();
            assertThat(result.status()).as("seed %d", seed).isEqualTo(ScheduleResult.Status.OPTIMAL);
            ScheduleResult.Solved solved = (ScheduleResult.Solved) result;
            assertThat(solved.objective()).as("seed %d", seed).isEqualTo(expected.get());
            assertThat(solved.lowerBound()).as("seed %d", seed).isEqualTo(expected.get());
            assertThat(ScheduleChecker.violations(problem, solved.schedule()))
                    .as("seed %d", seed)
                    .isEmpty();
        }
    }

    @Test
    void tiny_plain_job_shops_reach_the_brute_force_makespan() {
        for (long seed = 400; seed < 416; seed++) {
            SchedulingProblem problem =
                    seed % 2 == 0 ? RandomProblems.plain(seed, 3, 3) : RandomProblems.plain(seed, 4, 2);
            Objective expected = BruteForce.best(problem).orElseThrow();
            ScheduleResult.Solved solved = (ScheduleResult.Solved) Scheduler.solve(problem, SETTINGS);
            assertThat(solved.status()).as("seed %d", seed).isEqualTo(ScheduleResult.Status.OPTIMAL);
            assertThat(solved.objective()).as("seed %d", seed).isEqualTo(expected);
            assertThat(ScheduleChecker.violations(problem, solved.schedule()))
                    .as("seed %d", seed)
                    .isEmpty();
        }
    }

    @Test
    void larger_plain_job_shops_get_valid_schedules_from_tabu_search_and_cp_sat() {
        for (long seed = 500; seed < 506; seed++) {
            SchedulingProblem problem = RandomProblems.plain(seed, 10, 5);
            ScheduleResult.Solved solved =
                    (ScheduleResult.Solved) Scheduler.solve(problem, SETTINGS.withTimeLimit(Duration.ofSeconds(2)));
            assertThat(ScheduleChecker.violations(problem, solved.schedule()))
                    .as("seed %d", seed)
                    .isEmpty();
            assertThat(solved.objective().makespan())
                    .as("seed %d", seed)
                    .isLessThanOrEqualTo(Scheduler.priorityRule(problem)
                            .orElseThrow()
                            .objective()
                            .makespan())
                    .isGreaterThanOrEqualTo(solved.lowerBound().makespan());
        }
    }

    @Test
    void tabu_search_alone_keeps_schedules_valid_and_never_worse_than_its_start() {
        for (long seed = 600; seed < 610; seed++) {
            SchedulingProblem problem = RandomProblems.plain(seed, 8, 4);
            long[][] start = PriorityRule.schedule(problem).orElseThrow();
            long[][] improved = TabuSearch.improve(problem, start, 0, System.nanoTime() + 200_000_000L, 2_000, seed);
            ScheduleChecker.assertImproved(problem, start, improved, seed);
        }
    }

    @Test
    void tardiness_comes_before_makespan() {
        // J0 is urgent; running it first makes the makespan longer than running J1 first would.
        WorkCentre a = WorkCentre.alwaysOpen("A");
        WorkCentre b = WorkCentre.alwaysOpen("B");
        Job urgent = new Job("J0", List.of(new Operation("B", 5)), 0, OptionalLong.of(5));
        Job long1 = new Job("J1", List.of(new Operation("B", 1), new Operation("A", 10)), 0, OptionalLong.empty());
        SchedulingProblem problem = SchedulingProblem.of(List.of(a, b), List.of(urgent, long1));

        ScheduleResult.Solved solved = (ScheduleResult.Solved) Scheduler.solve(problem, SETTINGS);

        assertThat(solved.objective()).isEqualTo(new Objective(0, 16));
        assertThat(solved.schedule().jobs().get(0).lateness()).hasValue(0);
        assertThat(solved.status()).isEqualTo(ScheduleResult.Status.OPTIMAL);
    }

    @Test
    void an_operation_waits_for_a_shift_long_enough_instead_of_running_across_a_break() {
        // Shifts 0-8 and 10-20; the first operation (6) fits the first shift, the second (5) does not fit
        // the 2 time units left, so it waits for the next shift.
        WorkCentre saw = WorkCentre.withShifts("Saw", List.of(new Interval(0, 8), new Interval(10, 20)), 20);
        Job job = Job.of("J0", List.of(new Operation("Saw", 6), new Operation("Saw", 5)));
        SchedulingProblem problem = new SchedulingProblem(List.of(saw), List.of(job), 20);

        ScheduleResult.Solved solved = (ScheduleResult.Solved) Scheduler.solve(problem, SETTINGS);

        assertThat(solved.schedule().jobs().get(0).operations())
                .containsExactly(new Interval(0, 6), new Interval(10, 15));
        assertThat(ScheduleChecker.violations(problem, solved.schedule())).isEmpty();
    }

    @Test
    void an_operation_longer_than_every_shift_is_infeasible_with_a_reason() {
        WorkCentre press = WorkCentre.withShifts("Press", List.of(new Interval(0, 8), new Interval(16, 24)), 48);
        Job job = Job.of("Order-17", List.of(new Operation("Press", 9)));
        SchedulingProblem problem = new SchedulingProblem(List.of(press), List.of(job), 48);

        ScheduleResult result = Scheduler.solve(problem, SETTINGS);

        assertThat(result).isInstanceOf(ScheduleResult.Infeasible.class);
        assertThat(((ScheduleResult.Infeasible) result).reason()).contains("Order-17", "Press", "Maybe");
    }

    @Test
    void too_much_work_for_the_calendar_is_proven_infeasible() {
        // Each operation fits a shift alone, but three of 5 cannot share two 8-long shifts.
        WorkCentre press = WorkCentre.withShifts("Press", List.of(new Interval(0, 8), new Interval(16, 24)), 24);
        List<Job> jobs = List.of(
                Job.of("A", List.of(new Operation("Press", 5))),
                Job.of("B", List.of(new Operation("Press", 5))),
                Job.of("C", List.of(new Operation("Press", 5))));
        SchedulingProblem problem = new SchedulingProblem(List.of(press), jobs, 24);

        assertThat(Scheduler.solve(problem, SETTINGS).status()).isEqualTo(ScheduleResult.Status.INFEASIBLE);
    }

    @Test
    void repair_moves_only_the_job_hit_by_the_new_downtime() {
        WorkCentre lathe = WorkCentre.alwaysOpen("Lathe");
        WorkCentre mill = WorkCentre.alwaysOpen("Mill");
        WorkCentre paint = WorkCentre.alwaysOpen("Paint");
        List<Job> jobs = List.of(
                new Job("A", List.of(new Operation("Lathe", 4), new Operation("Mill", 3)), 0, OptionalLong.of(20)),
                new Job("B", List.of(new Operation("Mill", 2), new Operation("Lathe", 3)), 0, OptionalLong.of(20)),
                new Job("C", List.of(new Operation("Paint", 6)), 0, OptionalLong.of(30)));
        SchedulingProblem problem = SchedulingProblem.of(List.of(lathe, mill, paint), jobs);
        ScheduleResult.Solved before = (ScheduleResult.Solved) Scheduler.solve(problem, SETTINGS);
        Interval paintStart = before.schedule().jobs().get(2).operations().get(0);

        Interval downtime = new Interval(paintStart.start(), paintStart.start() + 3);
        Repair repair = Scheduler.repair(problem, before.schedule(), "Paint", downtime, SETTINGS);

        ScheduleResult.Solved after = (ScheduleResult.Solved) repair.result();
        assertThat(ScheduleChecker.violations(problem.withDowntime("Paint", downtime), after.schedule()))
                .isEmpty();
        assertThat(after.schedule().jobs().get(0))
                .isEqualTo(before.schedule().jobs().get(0));
        assertThat(after.schedule().jobs().get(1))
                .isEqualTo(before.schedule().jobs().get(1));
        assertThat(repair.movedJobs()).containsExactly("C");
        assertThat(repair.changedStarts()).isEqualTo(1);
        assertThat(after.schedule().jobs().get(2).operations().get(0).start()).isEqualTo(downtime.end());
        assertThat(repair.totalStartShift()).isEqualTo(3);
        assertThat(after.objective().totalTardiness()).isZero();
    }

    @Test
    void repairs_of_random_schedules_respect_the_downtime_and_never_add_avoidable_tardiness() {
        for (long seed = 200; seed < 208; seed++) {
            SchedulingProblem problem = RandomProblems.generate(seed, 4, 3);
            ScheduleResult.Solved before = (ScheduleResult.Solved) Scheduler.solve(problem, SETTINGS);
            JobSchedule first = before.schedule().jobs().get(0);
            Operation op = problem.jobs().get(0).operations().get(0);
            Interval downtime = new Interval(
                    first.operations().get(0).start(), first.operations().get(0).start() + 2);

            Repair repair = Scheduler.repair(problem, before.schedule(), op.workCentre(), downtime, SETTINGS);

            SchedulingProblem changed = problem.withDowntime(op.workCentre(), downtime);
            ScheduleResult.Solved after = (ScheduleResult.Solved) repair.result();
            assertThat(ScheduleChecker.violations(changed, after.schedule()))
                    .as("seed %d", seed)
                    .isEmpty();
            ScheduleResult.Solved fresh = (ScheduleResult.Solved) Scheduler.solve(changed, SETTINGS);
            assertThat(after.objective().totalTardiness())
                    .as("seed %d", seed)
                    .isEqualTo(fresh.objective().totalTardiness());
            assertThat(repair.changedStarts()).as("seed %d", seed).isPositive();
            for (int j = 0; j < problem.jobs().size(); j++) {
                boolean moved = after.schedule().jobs().get(j).finish()
                        != before.schedule().jobs().get(j).finish();
                assertThat(repair.movedJobs().contains(problem.jobs().get(j).id()))
                        .as("seed %d job %d", seed, j)
                        .isEqualTo(moved);
            }
        }
    }

    @Test
    void the_priority_rule_schedule_is_valid_too() {
        for (long seed = 300; seed < 320; seed++) {
            SchedulingProblem problem = RandomProblems.generate(seed, 6, 4);
            Optional<Schedule> schedule = Scheduler.priorityRule(problem);
            assertThat(schedule).as("seed %d", seed).isPresent();
            assertThat(ScheduleChecker.violations(problem, schedule.get()))
                    .as("seed %d", seed)
                    .isEmpty();
        }
    }
}
