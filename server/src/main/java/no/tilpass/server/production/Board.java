package no.tilpass.server.production;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.tilpass.engine.production.OrderRelease;
import no.tilpass.engine.production.ShiftCalendar;
import no.tilpass.engine.scheduling.Interval;
import no.tilpass.engine.scheduling.WorkCentre;

/**
 * The planning board of one firm from {@code epoch} (minute 0) to {@code epoch + horizon} minutes: one
 * lane per unit of capacity of every work centre (a centre of capacity 2 has lanes {@code id#1} and
 * {@code id#2}; a centre of capacity 1 has the lane {@code id}), each with the minutes it is unavailable
 * (outside shifts, holidays, downtime), and the working dates of the firm.
 */
final class Board {
    /**
     * Operations longer than this are split into consecutive chunks on the same lane (a shift is longer),
     * except uninterruptible ones, which stay one piece.
     */
    static final long CHUNK_MINUTES = 240;

    private final LocalDateTime epoch;
    private final long horizon;
    private final Map<String, Lane> lanes;
    private final TreeSet<LocalDate> workingDates;

    record Centre(String id, String type, String name, int capacity, String calendar) {}

    record Lane(String key, String centreId, int lane, String type, List<Interval> unavailable) {}

    record Downtime(String centreId, LocalDateTime from, LocalDateTime to) {}

    private Board(LocalDateTime epoch, long horizon, Map<String, Lane> lanes, TreeSet<LocalDate> workingDates) {
        this.epoch = epoch;
        this.horizon = horizon;
        this.lanes = lanes;
        this.workingDates = workingDates;
    }

    static Board of(LocalDateTime epoch, int horizonDays, List<Centre> centres, List<Downtime> downtimes) {
        LocalDateTime end = epoch.plusDays(horizonDays);
        long horizon = Duration.between(epoch, end).toMinutes();
        Map<String, Lane> lanes = new LinkedHashMap<>();
        TreeSet<LocalDate> working = new TreeSet<>();
        for (Centre c : centres) {
            ShiftCalendar base = ProductionFile.calendar("work centre " + c.id(), c.calendar());
            List<ShiftCalendar.Period> down = new ArrayList<>(base.downtime());
            for (Downtime d : downtimes) {
                if (d.centreId().equals(c.id())) {
                    down.add(new ShiftCalendar.Period(d.from(), d.to()));
                }
            }
            ShiftCalendar calendar = new ShiftCalendar(base.shifts(), base.holidays(), down);
            List<Interval> closed = new ArrayList<>();
            for (ShiftCalendar.Period p : calendar.unavailable(epoch, end)) {
                closed.add(new Interval(minutes(epoch, p.start()), minutes(epoch, p.end())));
            }
            for (ShiftCalendar.Period p : calendar.available(epoch, end)) {
                working.add(p.start().toLocalDate());
            }
            for (int k = 1; k <= c.capacity(); k++) {
                String key = key(c.id(), k, c.capacity());
                lanes.put(key, new Lane(key, c.id(), k, c.type(), new WorkCentre(key, closed).unavailable()));
            }
        }
        return new Board(epoch, horizon, lanes, working);
    }

    static String key(String centreId, int lane, int capacity) {
        return capacity == 1 ? centreId : centreId + "#" + lane;
    }

    private static long minutes(LocalDateTime epoch, LocalDateTime t) {
        return Duration.between(epoch, t).toMinutes();
    }

    LocalDateTime epoch() {
        return epoch;
    }

    long horizon() {
        return horizon;
    }

    Map<String, Lane> lanes() {
        return lanes;
    }

    long minutes(LocalDateTime t) {
        return minutes(epoch, t);
    }

    LocalDateTime time(long minutes) {
        return epoch.plusMinutes(minutes);
    }

    List<Lane> lanesOfType(String type) {
        return lanes.values().stream().filter(l -> l.type().equals(type)).toList();
    }

    /** Working dates after {@code from} up to and including {@code to}. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return workingDates.subSet(from, false, to, true).size();
    }

    /**
     * The lengths of the chunks an operation of {@code minutes} is split into: one chunk of all its minutes
     * when it is uninterruptible (it is then placed in one unbroken stretch of open time, never split).
     */
    static List<Long> chunks(long minutes, boolean uninterruptible) {
        return uninterruptible ? List.of(Math.max(1, minutes)) : chunks(minutes);
    }

    /**
     * One planned piece of a task: its minutes and, for an operation that is uninterruptible per unit, the
     * whole units it holds ({@code units} of {@code unitMinutes}, after the setup in the first piece);
     * {@code units} is 0 for every other piece.
     */
    record Piece(long minutes, long units, long unitMinutes) {}

    /**
     * The pieces {@code task} is planned as: chunks of at most {@value #CHUNK_MINUTES} minutes, one piece
     * when it is uninterruptible, and for one uninterruptible per unit as many whole units per piece as fit
     * in a chunk (at least one; the setup with the first), so that no unit is ever split.
     */
    static List<Piece> pieces(OrderRelease.Task task) {
        long unit = task.perUnitMinutes();
        if (!task.eachUnit() || unit <= 0) {
            return chunks(task.totalMinutes(), task.uninterruptible()).stream()
                    .map(m -> new Piece(m, 0, 0))
                    .toList();
        }
        List<Piece> out = new ArrayList<>();
        long left = task.runMinutes() / unit;
        long lead = task.setupMinutes();
        while (left > 0) {
            long units = Math.min(left, Math.max(1, (CHUNK_MINUTES - lead) / unit));
            out.add(new Piece(lead + units * unit, units, unit));
            left -= units;
            lead = 0;
        }
        return out;
    }

    /** The minutes of {@link #pieces}. */
    static List<Long> minutes(List<Piece> pieces) {
        return pieces.stream().map(Piece::minutes).toList();
    }

    /** The lengths of the chunks an operation of {@code minutes} is split into. */
    static List<Long> chunks(long minutes) {
        List<Long> out = new ArrayList<>();
        long left = Math.max(1, minutes);
        while (left > 0) {
            long c = Math.min(CHUNK_MINUTES, left);
            out.add(c);
            left -= c;
        }
        return out;
    }

    /** One operation to insert: its work-centre type and its chunks. */
    record Need(String type, List<Long> chunks) {}

    /** The needs of a released order's tasks, in task order: each task's pieces on its work-centre type. */
    static List<Need> needs(OrderRelease.ProductionOrder order) {
        return order.tasks().stream()
                .map(t -> new Need(t.workCentreType(), minutes(pieces(t))))
                .toList();
    }

    /** Where one chunk goes. */
    record Placement(String lane, long start, long end) {}

    /**
     * Inserts {@code needs} one after another from minute {@code ready} into the free time of the lanes,
     * where {@code busy} holds the planned operations per lane: each operation on the lane of its type where
     * it finishes first, its chunks back to back as far as the calendar allows. Empty when something does
     * not fit before the horizon. The board and {@code busy} are not changed.
     */
    Optional<List<Placement>> insert(List<Need> needs, Map<String, List<Interval>> busy, long ready) {
        List<Placement> out = new ArrayList<>();
        long t = ready;
        for (Need need : needs) {
            List<Placement> best = null;
            for (Lane lane : lanesOfType(need.type())) {
                List<Interval> blocked = blocked(lane, busy.getOrDefault(lane.key(), List.of()));
                List<Placement> here = new ArrayList<>();
                long at = t;
                for (long chunk : need.chunks()) {
                    long s = earliestFit(blocked, at, chunk);
                    here.add(new Placement(lane.key(), s, s + chunk));
                    at = s + chunk;
                }
                if (at <= horizon
                        && (best == null || at < best.get(best.size() - 1).end())) {
                    best = here;
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            out.addAll(best);
            t = best.get(best.size() - 1).end();
        }
        return Optional.of(out);
    }

    private static List<Interval> blocked(Lane lane, List<Interval> planned) {
        List<Interval> all = new ArrayList<>(lane.unavailable());
        all.addAll(planned);
        all.sort(Comparator.comparingLong(Interval::start));
        return all;
    }

    /** The earliest start at or after {@code ready} where {@code length} fits between the sorted {@code blocked}. */
    static long earliestFit(List<Interval> blocked, long ready, long length) {
        long t = ready;
        for (Interval b : blocked) {
            if (b.end() <= t) {
                continue;
            }
            if (b.start() >= t + length) {
                break;
            }
            t = Math.max(t, b.end());
        }
        return t;
    }
}
