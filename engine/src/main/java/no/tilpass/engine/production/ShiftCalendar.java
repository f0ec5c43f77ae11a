package no.tilpass.engine.production;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a work centre can work, in the firm's local time (no time zones; minutes are the finest unit that
 * matters): weekly shifts, minus whole holiday dates, minus downtime periods.
 *
 * @param shifts the weekly shifts; a shift whose end is not after its start runs past midnight into the
 *     next day
 * @param holidays dates on which nothing is available, from 00:00 to 24:00 (also the after-midnight part
 *     of a night shift that started the day before)
 * @param downtime periods of planned maintenance or breakdown, unavailable
 */
public record ShiftCalendar(List<Shift> shifts, List<LocalDate> holidays, List<Period> downtime) {
    public ShiftCalendar {
        shifts = List.copyOf(shifts);
        holidays = List.copyOf(holidays);
        downtime = List.copyOf(downtime);
    }

    /** A calendar of day shifts {@code start}–{@code end} on Monday to Friday, with no holidays or downtime. */
    public static ShiftCalendar weekdays(LocalTime start, LocalTime end) {
        List<Shift> shifts = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                shifts.add(new Shift(d, start, end));
            }
        }
        return new ShiftCalendar(shifts, List.of(), List.of());
    }

    /**
     * A shift every week on {@code day} from {@code start} to {@code end}; when {@code end} is not after
     * {@code start} it ends on the next day ({@code 22:00}–{@code 06:00}; {@code 00:00}–{@code 00:00} is a
     * whole day).
     */
    public record Shift(DayOfWeek day, LocalTime start, LocalTime end) {}

    /** The half-open period {@code [start, end)}; {@code end} must not be before {@code start}. */
    public record Period(LocalDateTime start, LocalDateTime end) {
        public Period {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("period ends at " + end + " before it starts at " + start);
            }
        }

        /** Its length in whole minutes. */
        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /**
     * The available periods within {@code [from, to)}: sorted, disjoint and not touching (two adjacent
     * shifts form one period).
     */
    public List<Period> available(LocalDateTime from, LocalDateTime to) {
        List<Period> open = new ArrayList<>();
        for (LocalDate date = from.toLocalDate().minusDays(1);
                !date.isAfter(to.toLocalDate());
                date = date.plusDays(1)) {
            for (Shift s : shifts) {
                if (s.day() != date.getDayOfWeek()) {
                    continue;
                }
                LocalDateTime start = date.atTime(s.start());
                LocalDateTime end = s.end().isAfter(s.start())
                        ? date.atTime(s.end())
                        : date.plusDays(1).atTime(s.end());
                clip(open, start, end, from, to);
            }
        }
        List<Period> closed = new ArrayList<>();
        for (LocalDate h : holidays) {
            clip(closed, h.atStartOfDay(), h.plusDays(1).atStartOfDay(), from, to);
        }
        for (Period p : downtime) {
            clip(closed, p.start(), p.end(), from, to);
        }
        return subtract(merge(open), merge(closed));
    }

    /**
     * The unavailable periods within {@code [from, to)}: the complement of {@link #available}, sorted and
     * disjoint (the form a scheduler that blocks time on a work centre takes).
     */
    public List<Period> unavailable(LocalDateTime from, LocalDateTime to) {
        List<Period> out = new ArrayList<>();
        LocalDateTime at = from;
        for (Period p : available(from, to)) {
            if (at.isBefore(p.start())) {
                out.add(new Period(at, p.start()));
            }
            at = p.end();
        }
        if (at.isBefore(to)) {
            out.add(new Period(at, to));
        }
        return out;
    }

    /** The available minutes within {@code [from, to)}. */
    public long availableMinutes(LocalDateTime from, LocalDateTime to) {
        return available(from, to).stream().mapToLong(Period::minutes).sum();
    }

    private static void clip(
            List<Period> out, LocalDateTime start, LocalDateTime end, LocalDateTime from, LocalDateTime to) {
        LocalDateTime s = start.isBefore(from) ? from : start;
        LocalDateTime e = end.isAfter(to) ? to : end;
        if (s.isBefore(e)) {
            out.add(new Period(s, e));
        }
    }

    private static List<Period> merge(List<Period> periods) {
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::start));
        List<Period> out = new ArrayList<>();
        for (Period p : sorted) {
            if (!out.isEmpty() && !p.start().isAfter(out.get(out.size() - 1).end())) {
                Period last = out.remove(out.size() - 1);
                out.add(new Period(last.start(), p.end().isAfter(last.end()) ? p.end() : last.end()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** {@code open} minus {@code closed}, both sorted and disjoint. */
    private static List<Period> subtract(List<Period> open, List<Period> closed) {
        List<Period> out = new ArrayList<>();
        int c = 0;
        for (Period p : open) {
            LocalDateTime start = p.start();
            while (c < closed.size() && !closed.get(c).end().isAfter(start)) {
                c++;
            }
            int k = c;
            while (k < closed.size() && closed.get(k).start().isBefore(p.end())) {
                Period x = closed.get(k);
                if (x.start().isAfter(start)) {
                    out.add(new Period(start, x.start()));
                }
                if (x.end().isAfter(start)) {
                    start = x.end();
                }
                k++;
            }
            if (start.isBefore(p.end())) {
                out.add(new Period(start, p.end()));
            }
        }
        return out;
    }
}
