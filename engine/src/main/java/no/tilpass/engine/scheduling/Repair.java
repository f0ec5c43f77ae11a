package no.tilpass.engine.scheduling;

import java.util.List;

/**
 * The outcome of re-planning after a new downtime: the new schedule (or why there is none), the jobs
 * whose finish moved, and how many operation starts changed and by how much in total.
 */
public record Repair(ScheduleResult result, List<String> movedJobs, int changedStarts, long totalStartShift) {
    public Repair {
        movedJobs = List.copyOf(movedJobs);
    }
}
