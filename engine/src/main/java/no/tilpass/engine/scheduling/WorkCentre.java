package no.tilpass.engine.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A work centre of capacity one and its working calendar, given as the intervals in which it is not
 * available (outside shifts, holidays, planned downtime). An operation must fit entirely between two
 * unavailable intervals: it waits rather than being split. Overlapping or touching unavailable
 * intervals are merged, so {@code unavailable} is sorted and disjoint.
 */
public record WorkCentre(String id, List<Interval> unavailable) {
    public WorkCentre {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a work centre needs an id");
        }
        List<Interval> sorted = new ArrayList<>(unavailable);
        sorted.removeIf(i -> i.length() == 0);
        sorted.sort(Comparator.comparingLong(Interval::start).thenComparingLong(Interval::end));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && next.start() <= merged.get(last).end()) {
                Interval previous = merged.get(last);
                merged.set(last, new Interval(previous.start(), Math.max(previous.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        unavailable = List.copyOf(merged);
    }

    /** A work centre that is always available. */
    public static WorkCentre alwaysOpen(String id) {
        return new WorkCentre(id, List.of());
    }

    /**
     * A work centre from its shift calendar: it is available only inside {@code shifts} and unavailable
     * everywhere else between 0 and {@code calendarEnd}.
     */
    public static WorkCentre withShifts(String id, List<Interval> shifts, long calendarEnd) {
        List<Interval> open = new ArrayList<>(shifts);
        open.sort(Comparator.comparingLong(Interval::start));
        List<Interval> closed = new ArrayList<>();
        long t = 0;
        for (Interval shift : open) {
            if (shift.start() > t) {
                closed.add(new Interval(t, Math.min(shift.start(), calendarEnd)));
            }
            t = Math.max(t, shift.end());
            if (t >= calendarEnd) {
                break;
            }
        }
        if (t < calendarEnd) {
            closed.add(new Interval(t, calendarEnd));
        }
        closed.removeIf(i -> i.length() == 0);
        return new WorkCentre(id, closed);
    }

    /** This work centre with one more unavailable interval (a breakdown, planned maintenance). */
    public WorkCentre withDowntime(Interval downtime) {
        List<Interval> more = new ArrayList<>(unavailable);
        more.add(downtime);
        return new WorkCentre(id, more);
    }

    /** The earliest start at or after {@code ready} where {@code duration} fits without touching unavailable time. */
    long earliestFit(long ready, long duration) {
        if (duration == 0) {
            return ready;
        }
        long t = ready;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Interval closed : unavailable) {
                if (t < closed.end() && closed.start() < t + duration) {
                    t = closed.end();
                    moved = true;
                }
            }
        }
        return t;
    }
}
