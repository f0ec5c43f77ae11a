package no.tilpass.engine.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent checker of schedules, written without the solver's code: precedences, release dates,
 * durations, one operation at a time per work centre, no operation touching unavailable time, the
 * horizon, and the reported finish and lateness.
 */
final class ScheduleChecker {
    private ScheduleChecker() {}

    /**
     * Asserts that {@code improved}, the search's answer from {@code start}, is a valid schedule with a
     * makespan no longer than the start's; returns it.
     */
    static Schedule assertImproved(SchedulingProblem problem, long[][] start, long[][] improved, long seed) {
        Schedule schedule = Schedule.of(problem, improved);
        assertThat(violations(problem, schedule)).as("seed %d", seed).isEmpty();
        assertThat(schedule.objective().makespan())
                .as("seed %d", seed)
                .isLessThanOrEqualTo(Schedule.of(problem, start).objective().makespan());
        return schedule;
    }

    static List<String> violations(SchedulingProblem problem, Schedule schedule) {
        List<String> out = new ArrayList<>();
        if (schedule.jobs().size() != problem.jobs().size()) {
            out.add("schedule has " + schedule.jobs().size() + " jobs, problem "
                    + problem.jobs().size());
            return out;
        }
        Map<String, List<Interval>> busy = new LinkedHashMap<>();
        Map<String, List<Interval>> closed = new LinkedHashMap<>();
        for (WorkCentre centre : problem.workCentres()) {
            busy.put(centre.id(), new ArrayList<>());
            closed.put(centre.id(), centre.unavailable());
        }
        for (int j = 0; j < problem.jobs().size(); j++) {
            Job job = problem.jobs().get(j);
            JobSchedule planned = schedule.jobs().get(j);
            if (!planned.jobId().equals(job.id())) {
                out.add("job " + j + " is " + planned.jobId() + ", expected " + job.id());
            }
            if (planned.operations().size() != job.operations().size()) {
                out.add("job " + job.id() + " has " + planned.operations().size() + " operations planned");
                continue;
            }
            long ready = job.release();
            for (int k = 0; k < job.operations().size(); k++) {
                Operation op = job.operations().get(k);
                Interval slot = planned.operations().get(k);
                String where = "job " + job.id() + " operation " + k;
                if (slot.end() - slot.start() != op.duration()) {
                    out.add(where + " lasts " + (slot.end() - slot.start()) + ", needs " + op.duration());
                }
                if (slot.start() < ready) {
                    out.add(where + " starts at " + slot.start() + " before " + ready
                            + (k == 0 ? " (release)" : " (previous operation's end)"));
                }
                if (slot.end() > problem.horizonEnd()) {
                    out.add(where + " ends at " + slot.end() + " after the horizon " + problem.horizonEnd());
                }
                for (Interval c : closed.get(op.workCentre())) {
                    if (slot.end() > slot.start() && slot.start() < c.end() && c.start() < slot.end()) {
                        out.add(where + " " + slot + " runs into unavailable " + c + " of " + op.workCentre());
                    }
                }
                if (slot.end() > slot.start()) {
                    busy.get(op.workCentre()).add(slot);
                }
                ready = slot.end();
            }
            if (planned.finish() != ready) {
                out.add("job " + job.id() + " reports finish " + planned.finish() + ", last operation ends " + ready);
            }
            long expectedLateness = ready - job.due().orElse(0);
            if (job.due().isPresent() != planned.lateness().isPresent()
                    || (job.due().isPresent() && planned.lateness().getAsLong() != expectedLateness)) {
                out.add("job " + job.id() + " reports lateness " + planned.lateness());
            }
        }
        busy.forEach((centre, slots) -> {
            slots.sort(Comparator.comparingLong(Interval::start));
            for (int i = 1; i < slots.size(); i++) {
                if (slots.get(i).start() < slots.get(i - 1).end()) {
                    out.add(centre + " runs " + slots.get(i - 1) + " and " + slots.get(i) + " at once");
                }
            }
        });
        return out;
    }
}
