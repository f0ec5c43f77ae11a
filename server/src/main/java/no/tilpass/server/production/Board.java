package no.tilpass.server.production;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
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
     * Operations longer than this are split into consecutive chunks on the same lane, except uninterruptible
     * ones, which stay one piece. Shorter chunks on a work-centre type whose stretches of open time are
     * shorter: see {@link #chunkMinutes(String)}.
     */
    static final long CHUNK_MINUTES = 240;

    /** Open stretches shorter than this (a half-hour slot) do not shorten a type's chunks. */
    static final long SHORTEST_STRETCH = 60;

    /** A Monday in a month with no change of summer time: the reference weeks of a calendar's shifts. */
    private static final LocalDateTime REFERENCE_WEEK = LocalDateTime.of(2024, 1, 1, 0, 0);

    private final LocalDateTime epoch;
    private final long horizon;
    private final Map<String, Lane> lanes;
    private final TreeSet<LocalDate> workingDates;
    private final Map<String, Long> chunkMinutes;

    record Centre(String id, String type, String name, int capacity, String calendar) {}

    record Lane(String key, String centreId, int lane, String type, List<Interval> unavailable) {}

    record Downtime(String centreId, LocalDateTime from, LocalDateTime to) {}

    private Board(
            LocalDateTime epoch,
            long horizon,
            Map<String, Lane> lanes,
            TreeSet<LocalDate> workingDates,
            Map<String, Long> chunkMinutes) {
        this.epoch = epoch;
        this.horizon = horizon;
        this.lanes = lanes;
        this.workingDates = workingDates;
        this.chunkMinutes = chunkMinutes;
    }

    static Board of(LocalDateTime epoch, int horizonDays, List<Centre> centres, List<Downtime> downtimes) {
        LocalDateTime end = epoch.plusDays(horizonDays);
        long horizon = Duration.between(epoch, end).toMinutes();
        Map<String, Lane> lanes = new LinkedHashMap<>();
        TreeSet<LocalDate> working = new TreeSet<>();
        Map<String, Long> chunkMinutes = new LinkedHashMap<>();
        List<ShiftCalendar.Period> skipped = skippedHours(epoch, end);
        for (Centre c : centres) {
            ShiftCalendar base = ProductionFile.calendar("work centre " + c.id(), c.calendar());
            chunkMinutes.merge(c.type(), stretch(base.shifts()), Math::min);
            List<ShiftCalendar.Period> down = new ArrayList<>(base.downtime());
            for (Downtime d : downtimes) {
                if (d.centreId().equals(c.id())) {
                    down.add(new ShiftCalendar.Period(d.from(), d.to()));
                }
            }
            down.addAll(skipped);
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
        return new Board(epoch, horizon, lanes, working, chunkMinutes);
    }

    /**
     * The wall-clock hours within {@code [from, to)} that do not exist on the plant's clock (02:00-03:00 when
     * summer time starts): closed on every work centre, as no work can be done in them.
     */
    static List<ShiftCalendar.Period> skippedHours(LocalDateTime from, LocalDateTime to) {
        List<ShiftCalendar.Period> skipped = new ArrayList<>();
        ZoneRules rules = Production.ZONE.getRules();
        Instant end = to.atZone(Production.ZONE).toInstant();
        ZoneOffsetTransition t =
                rules.nextTransition(from.atZone(Production.ZONE).toInstant().minusSeconds(1));
        while (t != null && t.getInstant().isBefore(end)) {
            if (t.isGap()) {
                skipped.add(new ShiftCalendar.Period(t.getDateTimeBefore(), t.getDateTimeAfter()));
            }
            t = rules.nextTransition(t.getInstant());
        }
        return skipped;
    }

    /**
     * The chunk length for {@code shifts}: {@link #CHUNK_MINUTES}, or the shortest stretch of open time of
     * their week when that is shorter (only stretches of at least {@link #SHORTEST_STRETCH} minutes count,
     * unless there are no others: then the longest), so that a chunk fits every regular stretch and none
     * waits for a stretch that never comes. The shifts alone, in fixed reference weeks: the same for
     * every board, whatever its epoch, holidays or downtime.
     */
    static long stretch(List<ShiftCalendar.Shift> shifts) {
        List<ShiftCalendar.Period> open =
                new ShiftCalendar(shifts, List.of(), List.of()).available(REFERENCE_WEEK, REFERENCE_WEEK.plusWeeks(3));
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (ShiftCalendar.Period p : open) {
            if (!p.start().isAfter(REFERENCE_WEEK) || !p.end().isBefore(REFERENCE_WEEK.plusWeeks(3))) {
                continue; // cut by the reference weeks: not a whole stretch
            }
            long m = p.minutes();
            longest = Math.max(longest, m);
            if (m >= SHORTEST_STRETCH) {
                shortest = Math.min(shortest, m);
            }
        }
        long typical = shortest != Long.MAX_VALUE ? shortest : longest > 0 ? longest : CHUNK_MINUTES;
        return Math.min(CHUNK_MINUTES, typical);
    }

    /** The longest chunk of interruptible work on a work centre of {@code type}. */
    long chunkMinutes(String type) {
        return chunkMinutes.getOrDefault(type, CHUNK_MINUTES);
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
     * The lengths of the chunks an operation of {@code minutes} is split into, each at most {@code chunk}:
     * one chunk of all its minutes when it is uninterruptible (it is then placed in one unbroken stretch of
     * open time, never split).
     */
    static List<Long> chunks(long minutes, boolean uninterruptible, long chunk) {
        return uninterruptible ? List.of(Math.max(1, minutes)) : chunks(minutes, chunk);
    }

    /**
     * One planned piece of a task: its minutes and, for an operation that is uninterruptible per unit, the
     * whole units it holds ({@code units} of {@code unitMinutes}, after the setup in the first piece);
     * {@code units} is 0 for every other piece.
     */
    record Piece(long minutes, long units, long unitMinutes) {}

    /**
     * The pieces {@code task} is planned as: chunks of at most {@link #chunkMinutes} of its work-centre type,
     * one piece when it is uninterruptible, and for one uninterruptible per unit as many whole units per
     * piece as fit in a chunk (at least one; the setup with the first), so that no unit is ever split.
     */
    List<Piece> pieces(OrderRelease.Task task) {
        return pieces(task, chunkMinutes(task.workCentreType()));
    }

    static List<Piece> pieces(OrderRelease.Task task, long chunk) {
        long unit = task.perUnitMinutes();
        if (!task.eachUnit() || unit <= 0) {
            return chunks(task.totalMinutes(), task.uninterruptible(), chunk).stream()
                    .map(m -> new Piece(m, 0, 0))
                    .toList();
        }
        return wholeUnits(task.setupMinutes(), task.runMinutes() / unit, unit, chunk);
    }

    /**
     * {@code units} of {@code unit} minutes after a lead of {@code lead} (the setup), as pieces of as many
     * whole units as fit in {@code chunk} (at least one), the lead with the first.
     */
    private static List<Piece> wholeUnits(long lead, long units, long unit, long chunk) {
        List<Piece> out = new ArrayList<>();
        long left = units;
        while (left > 0) {
            long n = Math.min(left, Math.max(1, (chunk - lead) / unit));
            out.add(new Piece(lead + n * unit, n, unit));
            left -= n;
            lead = 0;
        }
        return out;
    }

    /**
     * A planned piece cut again into pieces of at most {@code chunk} minutes, after its work-centre type's
     * chunks became shorter: a piece of an uninterruptible per-unit operation ({@code units > 0}) into whole
     * units (the setup, {@code minutes - units * unitMinutes}, with the first), any other interruptible piece
     * into plain chunks. An uninterruptible piece is never cut: it is returned whole.
     */
    static List<Piece> split(Piece piece, boolean uninterruptible, long chunk) {
        if (piece.units() > 0 && piece.unitMinutes() > 0) {
            long lead = piece.minutes() - piece.units() * piece.unitMinutes();
            return wholeUnits(lead, piece.units(), piece.unitMinutes(), chunk);
        }
        return chunks(piece.minutes(), uninterruptible, chunk).stream()
                .map(m -> new Piece(m, 0, 0))
                .toList();
    }

    /** The minutes of {@link #pieces}. */
    static List<Long> minutes(List<Piece> pieces) {
        return pieces.stream().map(Piece::minutes).toList();
    }

    /** The lengths of the chunks, each at most {@code chunk}, an operation of {@code minutes} is split into. */
    static List<Long> chunks(long minutes, long chunk) {
        List<Long> out = new ArrayList<>();
        long left = Math.max(1, minutes);
        while (left > 0) {
            long c = Math.min(chunk, left);
            out.add(c);
            left -= c;
        }
        return out;
    }

    /** One operation to insert: its work-centre type and its chunks. */
    record Need(String type, List<Long> chunks) {}

    /** The needs of a released order's tasks, in task order: each task's pieces on its work-centre type. */
    List<Need> needs(OrderRelease.ProductionOrder order) {
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

    /** The unavailable time of {@code lane} and the {@code planned} intervals on it, sorted by start. */
    static List<Interval> blocked(Lane lane, List<Interval> planned) {
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
