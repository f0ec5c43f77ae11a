package no.tilpass.engine.scheduling;

import java.util.List;
import java.util.OptionalLong;

/**
 * A production order: operations processed strictly in list order, none before {@code release}; when it
 * has a due date, finishing after it adds {@code finish - due} to the total tardiness.
 */
public record Job(String id, List<Operation> operations, long release, OptionalLong due) {
    public Job {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("job " + id + " has no operations");
        }
        if (release < 0) {
            throw new IllegalArgumentException("job " + id + " has negative release " + release);
        }
    }

    /** A job released at time 0 without a due date. */
    public static Job of(String id, List<Operation> operations) {
        return new Job(id, operations, 0, OptionalLong.empty());
    }

    public long work() {
        return operations.stream().mapToLong(Operation::duration).sum();
    }
}
