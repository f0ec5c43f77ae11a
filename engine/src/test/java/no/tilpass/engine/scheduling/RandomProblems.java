package no.tilpass.engine.scheduling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/** Seeded random scheduling problems with calendars, release dates and due dates. */
final class RandomProblems {
    private RandomProblems() {}

    static SchedulingProblem generate(long seed, int jobs, int machines) {
        return generate(seed, jobs, machines, true);
    }

    /** A plain job shop: no calendars, no due dates, some release dates. */
    static SchedulingProblem plain(long seed, int jobs, int machines) {
        return generate(seed, jobs, machines, false);
    }

    private static SchedulingProblem generate(long seed, int jobs, int machines, boolean calendarsAndDueDates) {
        Random random = new Random(seed);
        List<WorkCentre> centres = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            List<Interval> closed = new ArrayList<>();
            int count = calendarsAndDueDates ? random.nextInt(3) : 0;
            for (int i = 0; i < count; i++) {
                long start = random.nextInt(40);
                closed.add(new Interval(start, start + 1 + random.nextInt(8)));
            }
            centres.add(new WorkCentre("M" + m, closed));
        }
        List<Job> list = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            List<Integer> route = new ArrayList<>();
            for (int m = 0; m < machines; m++) {
                route.add(m);
            }
            Collections.shuffle(route, random);
            List<Operation> ops = new ArrayList<>();
            for (int m : route) {
                ops.add(new Operation("M" + m, 1 + random.nextInt(9)));
            }
            long release = random.nextBoolean() ? 0 : random.nextInt(10);
            long work = ops.stream().mapToLong(Operation::duration).sum();
            OptionalLong due = !calendarsAndDueDates || random.nextInt(3) == 0
                    ? OptionalLong.empty()
                    : OptionalLong.of(release + work + random.nextInt(15));
            list.add(new Job("J" + j, ops, release, due));
        }
        return SchedulingProblem.of(centres, list);
    }
}
