package no.tilpass.engine.scheduling;

/** The outcome of scheduling: a schedule with its quality, or why there is none. */
public sealed interface ScheduleResult {
    /** How far the solver got. */
    enum Status {
        /** Proven best for the lexicographic objective. */
        OPTIMAL,
        /** A valid schedule, not proven best within the time limit. */
        FEASIBLE,
        /** Proven: no schedule fits the calendars before the horizon end. */
        INFEASIBLE,
        /** The time limit ran out before any schedule was found. */
        UNKNOWN
    }

    Status status();

    /**
     * A valid schedule. {@code lowerBound} holds what was proven: no schedule has less total tardiness
     * than {@code lowerBound.totalTardiness()}, and none with {@code objective.totalTardiness()} has a
     * makespan below {@code lowerBound.makespan()}.
     */
    record Solved(Status status, Schedule schedule, Objective objective, Objective lowerBound, double seconds)
            implements ScheduleResult {
        public Solved {
            if (status != Status.OPTIMAL && status != Status.FEASIBLE) {
                throw new IllegalArgumentException("a solved result is optimal or feasible, not " + status);
            }
        }
    }

    /** No schedule exists; {@code reason} is a sentence for the planner. */
    record Infeasible(String reason) implements ScheduleResult {
        @Override
        public Status status() {
            return Status.INFEASIBLE;
        }
    }

    /** The time ran out before a schedule was found; {@code reason} says what to try. */
    record NotSolved(String reason) implements ScheduleResult {
        @Override
        public Status status() {
            return Status.UNKNOWN;
        }
    }
}
