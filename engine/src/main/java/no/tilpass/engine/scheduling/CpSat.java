package no.tilpass.engine.scheduling;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only class that talks to OR-Tools: one CP-SAT model per solve phase, with an interval variable
 * per operation, a no-overlap constraint per work centre holding the centre's unavailable intervals as
 * fixed intervals, and precedences inside each job.
 */
final class CpSat {
    private CpSat() {}

    private static boolean loaded;

    static synchronized void prepare() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /** What one phase minimises. */
    enum Goal {
        TARDINESS,
        MAKESPAN,
        /** Changed starts against a reference schedule, count first, then total shift. */
        STABILITY
    }

    enum Kind {
        OPTIMAL,
        FEASIBLE,
        INFEASIBLE,
        UNKNOWN
    }

    /** The outcome of one phase; {@code starts} is null unless a solution was found. */
    record Outcome(Kind kind, long[][] starts, long value, long bound) {}

    /**
     * Solves one phase.
     *
     * @param horizon every operation ends by this time
     * @param tardinessCap when not negative, total tardiness may not exceed it
     * @param hint starts to try first, or null
     * @param reference the schedule to stay close to for {@link Goal#STABILITY}, or null
     */
    static Outcome solve(
            SchedulingProblem problem,
            Goal goal,
            long horizon,
            long tardinessCap,
            long[][] hint,
            long[][] reference,
            SchedulerSettings settings,
            double seconds) {
        prepare();
        CpModel model = new CpModel();
        Map<String, List<IntervalVar>> perCentre = new LinkedHashMap<>();
        for (WorkCentre centre : problem.workCentres()) {
            List<IntervalVar> intervals = new ArrayList<>();
            for (Interval closed : centre.unavailable()) {
                if (closed.start() < horizon && closed.length() > 0) {
                    long end = Math.min(closed.end(), horizon);
                    intervals.add(model.newFixedInterval(closed.start(), end - closed.start(), "closed"));
                }
            }
            perCentre.put(centre.id(), intervals);
        }
        List<Job> jobs = problem.jobs();
        IntVar[][] start = new IntVar[jobs.size()][];
        List<LinearArgument> ends = new ArrayList<>();
        List<IntVar> tardiness = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            List<Operation> ops = job.operations();
            start[j] = new IntVar[ops.size()];
            long head = job.release();
            long tail = job.work();
            for (int k = 0; k < ops.size(); k++) {
                long duration = ops.get(k).duration();
                long latest = horizon - tail;
                if (latest < head) {
                    return new Outcome(Kind.INFEASIBLE, null, 0, 0);
                }
                start[j][k] = model.newIntVar(head, latest, "s" + j + "_" + k);
                perCentre
                        .get(ops.get(k).workCentre())
                        .add(model.newFixedSizeIntervalVar(start[j][k], duration, "o" + j + "_" + k));
                if (k > 0) {
                    model.addLessOrEqual(
                            LinearExpr.affine(start[j][k - 1], 1, ops.get(k - 1).duration()), start[j][k]);
                }
                head += duration;
                tail -= duration;
            }
            int last = ops.size() - 1;
            LinearExpr end = LinearExpr.affine(start[j][last], 1, ops.get(last).duration());
            ends.add(end);
            if (job.due().isPresent()) {
                long due = job.due().getAsLong();
                IntVar late = model.newIntVar(0, Math.max(0, horizon - due), "t" + j);
                model.addGreaterOrEqual(
                        late, LinearExpr.affine(start[j][last], 1, ops.get(last).duration() - due));
                tardiness.add(late);
            }
        }
        for (List<IntervalVar> intervals : perCentre.values()) {
            if (intervals.size() > 1) {
                model.addNoOverlap(intervals);
            }
        }
        LinearExpr totalTardiness = LinearExpr.sum(tardiness.toArray(new LinearArgument[0]));
        if (tardinessCap >= 0 && !tardiness.isEmpty()) {
            model.addLessOrEqual(totalTardiness, tardinessCap);
        }
        switch (goal) {
            case TARDINESS -> model.minimize(totalTardiness);
            case MAKESPAN -> {
                IntVar makespan = model.newIntVar(0, horizon, "makespan");
                model.addMaxEquality(makespan, ends);
                model.minimize(makespan);
            }
            case STABILITY -> model.minimize(stability(model, start, reference, horizon));
        }
        if (hint != null) {
            for (int j = 0; j < start.length; j++) {
                for (int k = 0; k < start[j].length; k++) {
                    model.addHint(start[j][k], hint[j][k]);
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(Math.max(0.01, seconds))
                .setNumWorkers(settings.workers())
                .setRandomSeed(settings.seed())
                .setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(model);
        Kind kind =
                switch (status) {
                    case OPTIMAL -> Kind.OPTIMAL;
                    case FEASIBLE -> Kind.FEASIBLE;
                    case INFEASIBLE -> Kind.INFEASIBLE;
                    case UNKNOWN -> Kind.UNKNOWN;
                    default -> throw new IllegalStateException(
                            "CP-SAT rejected the scheduling model: " + status + " " + solver.getSolutionInfo());
                };
        if (kind != Kind.OPTIMAL && kind != Kind.FEASIBLE) {
            return new Outcome(kind, null, 0, 0);
        }
        long[][] starts = new long[start.length][];
        for (int j = 0; j < start.length; j++) {
            starts[j] = new long[start[j].length];
            for (int k = 0; k < start[j].length; k++) {
                starts[j][k] = solver.value(start[j][k]);
            }
        }
        long value = Math.round(solver.objectiveValue());
        long bound = kind == Kind.OPTIMAL ? value : (long) Math.ceil(solver.bestObjectiveBound() - 1e-6);
        return new Outcome(kind, starts, value, bound);
    }

    private static LinearExpr stability(CpModel model, IntVar[][] start, long[][] reference, long horizon) {
        int count = 0;
        for (IntVar[] row : start) {
            count += row.length;
        }
        long weight = (long) count * horizon + 1;
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int j = 0; j < start.length; j++) {
            for (int k = 0; k < start[j].length; k++) {
                long ref = reference[j][k];
                BoolVar changed = model.newBoolVar("c" + j + "_" + k);
                model.addEquality(start[j][k], ref).onlyEnforceIf(changed.not());
                IntVar shift = model.newIntVar(0, horizon + Math.abs(ref), "d" + j + "_" + k);
                model.addGreaterOrEqual(shift, LinearExpr.affine(start[j][k], 1, -ref));
                model.addGreaterOrEqual(shift, LinearExpr.affine(start[j][k], -1, ref));
                objective.addTerm(changed, weight).add(shift);
            }
        }
        return objective.build();
    }
}
