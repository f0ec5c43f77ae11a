package no.tilpass.engine.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finite-capacity scheduling with a lexicographic objective: total tardiness first, then makespan. The
 * two levels are solved as two CP-SAT phases (the second keeps the first's tardiness and starts from its
 * schedule); a priority-rule schedule is the first hint. Problems without due dates need only the
 * makespan phase; for a plain job shop (no calendars, no due dates) a tabu search with path relinking
 * (one search per worker) improves the hint first, for at most {@value #TABU_SHARE} of the time limit
 * and less when it stagnates.
 */
public final class Scheduler {
    /**
     * The share of the time limit a plain job shop may spend in tabu search before CP-SAT: the search
     * finds far better job-shop schedules than CP-SAT on two cores (decisions.md D10), and CP-SAT in the
     * rest, hinted with the search's best, improves it where the search stalls (la40: from 1224 to its
     * optimum 1222 with 15 s or more, not reliably with 9) and proves bounds (decisions.md D10b).
     */
    private static final double TABU_SHARE = 0.50;

    /**
     * Tabu iterations without a new best (plus {@value #TABU_PATIENCE_PER_OPERATION} per operation) after
     * which the search gives the rest of the time to CP-SAT: room for many pool restarts on the la
     * instances (TabuSearch; la21 needs 8 to 17 s of search for its optimum, decisions.md D10b), yet tiny
     * problems finish early.
     */
    private static final long TABU_PATIENCE = 200_000L;

    private static final long TABU_PATIENCE_PER_OPERATION = 40_000L;

    /** At most this many tabu searches run in parallel (each holds an n × n tabu matrix). */
    private static final int MAX_TABU_SEARCHES = 4;

    private static final int MAX_TABU_OPERATIONS = 2_500;

    private Scheduler() {}

    /** Loads the native solver library now (a few seconds once per process) instead of in the first solve. */
    public static void prepare() {
        CpSat.prepare();
    }

    public static ScheduleResult solve(SchedulingProblem problem, SchedulerSettings settings) {
        long began = System.nanoTime();
        Optional<String> obvious = obviouslyInfeasible(problem);
        if (obvious.isPresent()) {
            return new ScheduleResult.Infeasible(obvious.get());
        }
        long[][] heuristic = PriorityRule.schedule(problem).orElse(null);
        boolean hasDue = problem.jobs().stream().anyMatch(j -> j.due().isPresent());
        long tardiness = 0;
        long tardinessBound = 0;
        boolean tardinessOptimal = true;
        long[][] firstStarts = heuristic;
        long horizon = problem.horizonEnd();
        if (hasDue && (heuristic == null || objectiveOf(problem, heuristic).totalTardiness() > 0)) {
            CpSat.Outcome first = CpSat.solve(
                    problem, CpSat.Goal.TARDINESS, horizon, -1, heuristic, null, settings, seconds(settings) / 2);
            if (first.kind() == CpSat.Kind.INFEASIBLE) {
                return infeasible(problem);
            }
            if (first.kind() == CpSat.Kind.UNKNOWN) {
                return heuristic == null ? notSolved(settings) : fallback(problem, heuristic, began);
            }
            tardiness = first.value();
            tardinessBound = first.bound();
            tardinessOptimal = first.kind() == CpSat.Kind.OPTIMAL;
            firstStarts = first.starts();
        }
        if (!hasDue
                && firstStarts != null
                && TabuSearch.applies(problem)
                && problem.operationCount() <= MAX_TABU_OPERATIONS) {
            long deadline = began + (long) (settings.timeLimit().toNanos() * TABU_SHARE);
            firstStarts = TabuSearch.improveInParallel(
                    problem,
                    firstStarts,
                    trivialMakespanBound(problem),
                    deadline,
                    TABU_PATIENCE + TABU_PATIENCE_PER_OPERATION * problem.operationCount(),
                    settings.seed(),
                    Math.min(settings.workers(), MAX_TABU_SEARCHES));
        }
        if (firstStarts != null) {
            horizon = Math.min(horizon, objectiveOf(problem, firstStarts).makespan());
        }
        double left = seconds(settings) - elapsed(began);
        CpSat.Outcome second = CpSat.solve(
                problem, CpSat.Goal.MAKESPAN, horizon, hasDue ? tardiness : -1, firstStarts, null, settings, left);
        if (second.kind() == CpSat.Kind.INFEASIBLE && firstStarts == null) {
            return infeasible(problem);
        }
        long[][] starts = second.starts() != null ? second.starts() : firstStarts;
        if (starts == null) {
            return notSolved(settings);
        }
        Objective objective = objectiveOf(problem, starts);
        long makespanBound = trivialMakespanBound(problem);
        boolean optimal = tardinessOptimal && second.kind() == CpSat.Kind.OPTIMAL;
        if (tardinessOptimal && second.starts() != null) {
            makespanBound = Math.max(makespanBound, second.bound());
        }
        return new ScheduleResult.Solved(
                optimal ? ScheduleResult.Status.OPTIMAL : ScheduleResult.Status.FEASIBLE,
                Schedule.of(problem, starts),
                objective,
                new Objective(tardinessOptimal ? objective.totalTardiness() : tardinessBound, makespanBound),
                elapsed(began));
    }

    /**
     * Re-plans {@code previous} after {@code downtime} on {@code workCentre}: least total tardiness first,
     * then as few changed operation starts as possible, then the least total shift of starts.
     */
    public static Repair repair(
            SchedulingProblem problem,
            Schedule previous,
            String workCentre,
            Interval downtime,
            SchedulerSettings settings) {
        return repair(problem.withDowntime(workCentre, downtime), previous, settings);
    }

    /**
     * Re-plans {@code previous} on {@code changed}, the same jobs on changed calendars (downtime, new shifts or
     * holidays), where {@code previous} may now run in closed time: least total tardiness first, then as few
     * changed operation starts as possible, then the least total shift of starts.
     */
    public static Repair repair(SchedulingProblem changed, Schedule previous, SchedulerSettings settings) {
        long began = System.nanoTime();
        Optional<String> obvious = obviouslyInfeasible(changed);
        if (obvious.isPresent()) {
            return new Repair(new ScheduleResult.Infeasible(obvious.get()), List.of(), 0, 0);
        }
        long[][] reference = previous.starts();
        boolean hasDue = changed.jobs().stream().anyMatch(j -> j.due().isPresent());
        long cap = -1;
        long tardinessBound = 0;
        boolean tardinessOptimal = true;
        long[][] feasible = null;
        if (hasDue) {
            CpSat.Outcome first = CpSat.solve(
                    changed,
                    CpSat.Goal.TARDINESS,
                    changed.horizonEnd(),
                    -1,
                    reference,
                    null,
                    settings,
                    seconds(settings) / 2);
            if (first.kind() == CpSat.Kind.INFEASIBLE) {
                return new Repair(infeasible(changed), List.of(), 0, 0);
            }
            feasible = first.starts() != null
                    ? first.starts()
                    : PriorityRule.schedule(changed).orElse(null);
            if (feasible == null) {
                return new Repair(notSolved(settings), List.of(), 0, 0);
            }
            cap = objectiveOf(changed, feasible).totalTardiness();
            tardinessOptimal = first.kind() == CpSat.Kind.OPTIMAL;
            tardinessBound = first.starts() != null ? first.bound() : 0;
        }
        CpSat.Outcome stable = CpSat.solve(
                changed,
                CpSat.Goal.STABILITY,
                changed.horizonEnd(),
                cap,
                feasible != null ? feasible : reference,
                reference,
                settings,
                seconds(settings) - elapsed(began));
        if (stable.kind() == CpSat.Kind.INFEASIBLE) {
            return new Repair(infeasible(changed), List.of(), 0, 0);
        }
        long[][] starts = stable.starts() != null
                ? stable.starts()
                : feasible != null ? feasible : PriorityRule.schedule(changed).orElse(null);
        if (starts == null) {
            return new Repair(notSolved(settings), List.of(), 0, 0);
        }
        Schedule schedule = Schedule.of(changed, starts);
        boolean optimal = tardinessOptimal && stable.kind() == CpSat.Kind.OPTIMAL;
        ScheduleResult result = new ScheduleResult.Solved(
                optimal ? ScheduleResult.Status.OPTIMAL : ScheduleResult.Status.FEASIBLE,
                schedule,
                schedule.objective(),
                new Objective(
                        tardinessOptimal ? schedule.objective().totalTardiness() : tardinessBound,
                        trivialMakespanBound(changed)),
                elapsed(began));
        List<String> moved = new ArrayList<>();
        int changedStarts = 0;
        long shift = 0;
        for (int j = 0; j < starts.length; j++) {
            JobSchedule before = previous.jobs().get(j);
            if (before.finish() != schedule.jobs().get(j).finish()) {
                moved.add(before.jobId());
            }
            for (int k = 0; k < starts[j].length; k++) {
                if (starts[j][k] != reference[j][k]) {
                    changedStarts++;
                    shift += Math.abs(starts[j][k] - reference[j][k]);
                }
            }
        }
        return new Repair(result, moved, changedStarts, shift);
    }

    /** The plain priority-rule schedule (no search), for comparison; empty when it overruns the horizon. */
    public static Optional<Schedule> priorityRule(SchedulingProblem problem) {
        return PriorityRule.schedule(problem).map(starts -> Schedule.of(problem, starts));
    }

    /**
     * A makespan no schedule can beat: the longest job from its release, and the busiest work centre
     * from the earliest release of its operations.
     */
    public static long trivialMakespanBound(SchedulingProblem problem) {
        long bound = 0;
        Map<String, long[]> load = new java.util.LinkedHashMap<>();
        for (Job job : problem.jobs()) {
            bound = Math.max(bound, job.release() + job.work());
            for (Operation op : job.operations()) {
                long[] l = load.computeIfAbsent(op.workCentre(), c -> new long[] {Long.MAX_VALUE, 0});
                l[0] = Math.min(l[0], job.release());
                l[1] += op.duration();
            }
        }
        for (long[] l : load.values()) {
            bound = Math.max(bound, l[0] + l[1]);
        }
        return bound;
    }

    private static Optional<String> obviouslyInfeasible(SchedulingProblem problem) {
        Map<String, WorkCentre> centres = problem.centresById();
        for (Job job : problem.jobs()) {
            if (job.release() + job.work() > problem.horizonEnd()) {
                return Optional.of("Job " + job.id() + " needs " + job.work() + " time units from its release "
                        + job.release() + ", past the horizon end " + problem.horizonEnd()
                        + ". Maybe extend the horizon or release the job earlier.");
            }
            for (int k = 0; k < job.operations().size(); k++) {
                Operation op = job.operations().get(k);
                WorkCentre centre = centres.get(op.workCentre());
                if (centre.earliestFit(0, op.duration()) + op.duration() > problem.horizonEnd()) {
                    return Optional.of("Operation " + (k + 1) + " of job " + job.id() + " takes " + op.duration()
                            + " time units, longer than any available interval of work centre " + centre.id()
                            + " before the horizon end " + problem.horizonEnd()
                            + ". Maybe lengthen a shift or split the operation.");
                }
            }
        }
        return Optional.empty();
    }

    private static ScheduleResult fallback(SchedulingProblem problem, long[][] starts, long began) {
        Schedule schedule = Schedule.of(problem, starts);
        return new ScheduleResult.Solved(
                ScheduleResult.Status.FEASIBLE,
                schedule,
                schedule.objective(),
                new Objective(0, trivialMakespanBound(problem)),
                elapsed(began));
    }

    private static ScheduleResult infeasible(SchedulingProblem problem) {
        return new ScheduleResult.Infeasible("No schedule fits the work centres' calendars before the horizon end "
                + problem.horizonEnd() + ". Maybe extend the calendars or the horizon.");
    }

    private static ScheduleResult notSolved(SchedulerSettings settings) {
        return new ScheduleResult.NotSolved(
                "No schedule was found within " + settings.timeLimit().toMillis() + " ms. Maybe allow more time.");
    }

    private static Objective objectiveOf(SchedulingProblem problem, long[][] starts) {
        return Schedule.of(problem, starts).objective();
    }

    private static double seconds(SchedulerSettings settings) {
        return settings.timeLimit().toNanos() / 1e9;
    }

    private static double elapsed(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
