package no.tilpass.engine.scheduling;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jobs to schedule on work centres. Every operation must end by {@code horizonEnd}: calendars are known
 * up to there, so a schedule that needs more time is infeasible.
 */
public record SchedulingProblem(List<WorkCentre> workCentres, List<Job> jobs, long horizonEnd) {
    public SchedulingProblem {
        workCentres = List.copyOf(workCentres);
        jobs = List.copyOf(jobs);
        Set<String> ids = new HashSet<>();
        for (WorkCentre centre : workCentres) {
            if (!ids.add(centre.id())) {
                throw new IllegalArgumentException("work centre " + centre.id() + " is defined twice");
            }
        }
        Set<String> jobIds = new HashSet<>();
        for (Job job : jobs) {
            if (!jobIds.add(job.id())) {
                throw new IllegalArgumentException("job " + job.id() + " is defined twice");
            }
            for (Operation op : job.operations()) {
                if (!ids.contains(op.workCentre())) {
                    throw new IllegalArgumentException(
                            "job " + job.id() + " uses unknown work centre " + op.workCentre() + "; known: " + ids);
                }
            }
        }
        if (horizonEnd <= 0) {
            throw new IllegalArgumentException("horizon end " + horizonEnd + " must be positive");
        }
    }

    /**
     * A problem whose horizon is long enough for any job order: after the latest release and the last
     * unavailable interval, all work fits one operation after another.
     */
    public static SchedulingProblem of(List<WorkCentre> workCentres, List<Job> jobs) {
        long start = 0;
        for (Job job : jobs) {
            start = Math.max(start, job.release());
        }
        for (WorkCentre centre : workCentres) {
            for (Interval closed : centre.unavailable()) {
                start = Math.max(start, closed.end());
            }
        }
        long work = jobs.stream().mapToLong(Job::work).sum();
        return new SchedulingProblem(workCentres, jobs, start + Math.max(1, work));
    }

    /** This problem with one more unavailable interval on one work centre. */
    public SchedulingProblem withDowntime(String workCentre, Interval downtime) {
        if (workCentres.stream().noneMatch(c -> c.id().equals(workCentre))) {
            throw new IllegalArgumentException("unknown work centre " + workCentre);
        }
        List<WorkCentre> centres = workCentres.stream()
                .map(c -> c.id().equals(workCentre) ? c.withDowntime(downtime) : c)
                .toList();
        return new SchedulingProblem(centres, jobs, horizonEnd);
    }

    Map<String, WorkCentre> centresById() {
        Map<String, WorkCentre> byId = new LinkedHashMap<>();
        workCentres.forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    int operationCount() {
        return jobs.stream().mapToInt(j -> j.operations().size()).sum();
    }
}
