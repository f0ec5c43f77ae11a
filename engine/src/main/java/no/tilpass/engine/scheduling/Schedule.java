package no.tilpass.engine.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** A complete schedule: one {@link JobSchedule} per job, in the problem's job order. */
public record Schedule(List<JobSchedule> jobs) {
    public Schedule {
        jobs = List.copyOf(jobs);
    }

    /** The schedule that starts operation {@code k} of job {@code j} at {@code starts[j][k]}. */
    public static Schedule of(SchedulingProblem problem, long[][] starts) {
        List<JobSchedule> out = new ArrayList<>();
        for (int j = 0; j < problem.jobs().size(); j++) {
            Job job = problem.jobs().get(j);
            List<Interval> slots = new ArrayList<>();
            for (int k = 0; k < job.operations().size(); k++) {
                slots.add(new Interval(
                        starts[j][k], starts[j][k] + job.operations().get(k).duration()));
            }
            long finish = slots.get(slots.size() - 1).end();
            OptionalLong lateness =
                    job.due().isPresent() ? OptionalLong.of(finish - job.due().getAsLong()) : OptionalLong.empty();
            out.add(new JobSchedule(job.id(), slots, finish, lateness));
        }
        return new Schedule(out);
    }

    public Objective objective() {
        long tardiness = jobs.stream().mapToLong(JobSchedule::tardiness).sum();
        long makespan = jobs.stream().mapToLong(JobSchedule::finish).max().orElse(0);
        return new Objective(tardiness, makespan);
    }

    /** The start of every operation, {@code [job][operation]}. */
    public long[][] starts() {
        long[][] starts = new long[jobs.size()][];
        for (int j = 0; j < jobs.size(); j++) {
            starts[j] = jobs.get(j).starts().stream().mapToLong(Long::longValue).toArray();
        }
        return starts;
    }
}
