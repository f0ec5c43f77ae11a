package no.tilpass.engine.scheduling;

import java.util.List;
import java.util.OptionalLong;

/**
 * When the operations of one job run, in the job's order; {@code lateness} is {@code finish - due}
 * (negative when early) and empty when the job has no due date.
 */
public record JobSchedule(String jobId, List<Interval> operations, long finish, OptionalLong lateness) {
    public JobSchedule {
        operations = List.copyOf(operations);
    }

    public long tardiness() {
        return Math.max(0, lateness.orElse(0));
    }

    public List<Long> starts() {
        return operations.stream().map(Interval::start).toList();
    }
}
