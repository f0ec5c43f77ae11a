package no.tilpass.bench.jobshop;

import java.time.Duration;
import no.tilpass.engine.scheduling.Schedule;
import no.tilpass.engine.scheduling.ScheduleResult;
import no.tilpass.engine.scheduling.Scheduler;
import no.tilpass.engine.scheduling.SchedulerSettings;

/** Solves one job-shop instance for the minimum makespan within a time limit. */
public final class JobShopBenchmark {
    private JobShopBenchmark() {}

    /**
     * Solves {@code instance}; the seconds reported are the solve's wall time, after the native solver
     * library was loaded.
     */
    public static JobShopRun run(JobShopInstance instance, double seconds, int workers) {
        Scheduler.prepare();
        long priorityRule = Scheduler.priorityRule(instance.problem())
                .map(s -> s.objective().makespan())
                .orElse(-1L);
        SchedulerSettings settings =
                new SchedulerSettings(Duration.ofMillis(Math.max(1, Math.round(seconds * 1000))), workers, 1);
        long began = System.nanoTime();
        ScheduleResult result = Scheduler.solve(instance.problem(), settings);
        double elapsed = (System.nanoTime() - began) / 1e9;
        if (!(result instanceof ScheduleResult.Solved solved)) {
            // A job shop without calendars always has a schedule, and the priority rule gives one at once.
            throw new IllegalStateException(instance.name() + ": no schedule: " + result);
        }
        Schedule schedule = solved.schedule();
        return new JobShopRun(
                instance.name(),
                solved.objective().makespan(),
                solved.lowerBound().makespan(),
                elapsed,
                solved.status() == ScheduleResult.Status.OPTIMAL,
                priorityRule,
                schedule.starts());
    }
}
