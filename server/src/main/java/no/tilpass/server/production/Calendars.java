package no.tilpass.server.production;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.tilpass.engine.production.ShiftCalendar;
import no.tilpass.engine.scheduling.Interval;
import no.tilpass.server.ApiError;
import no.tilpass.server.Json;
import org.jdbi.v3.core.Handle;

/**
 * A work centre's shift calendar read and changed by the planner: its weekly shifts and its holidays. A
 * change is stored and the live plan repaired in one transaction under the firm's lock: operations that
 * would run in time the new calendar closes move, with as few changed starts as the repair finds; pieces of
 * work longer than the work-centre type's new chunk length (shorter shifts) are cut again first; a calendar
 * on which the open work cannot be planned is refused and nothing changes.
 */
final class Calendars {
    /** The most shift lines and holidays one work centre may have. */
    static final int MAX_SHIFTS = 50;

    static final int MAX_HOLIDAYS = 1000;

    /** A Monday: the week whose open minutes are reported ({@code openMinutesPerWeek}). */
    private static final LocalDateTime WEEK = LocalDateTime.of(2024, 1, 8, 0, 0);

    private Calendars() {}

    /** The calendar text lines of {@code text}: key to value ({@code shifts}, {@code holidays}, {@code downtime}). */
    static Map<String, String> lines(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq >= 0) {
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** The calendar of {@code centre} as the API shows it, with the downtime reported for it. */
    static Map<String, Object> view(Board.Centre centre, Board board, List<Board.Downtime> reported) {
        Map<String, String> lines = lines(centre.calendar());
        ShiftCalendar calendar = ProductionFile.calendar("work centre " + centre.id(), centre.calendar());
        List<Map<String, Object>> downtime = new ArrayList<>();
        for (ShiftCalendar.Period p : calendar.downtime()) {
            downtime.add(Json.map("from", p.start().toString(), "to", p.end().toString(), "source", "file"));
        }
        for (Board.Downtime d : reported) {
            if (d.centreId().equals(centre.id())) {
                downtime.add(Json.map("from", d.from().toString(), "to", d.to().toString(), "source", "reported"));
            }
        }
        long perWeek =
                new ShiftCalendar(calendar.shifts(), List.of(), List.of()).availableMinutes(WEEK, WEEK.plusDays(7));
        return Json.map(
                "workCentreId", centre.id(),
                "name", centre.name(),
                "type", centre.type(),
                "capacity", centre.capacity(),
                "shifts", ProductionFile.items(lines.getOrDefault("shifts", "")),
                "holidays", ProductionFile.items(lines.getOrDefault("holidays", "")),
                "downtime", downtime,
                "openMinutesPerWeek", perWeek,
                "chunkMinutes", board.chunkMinutes(centre.type()));
    }

    /**
     * The stored calendar text for {@code shifts} and {@code holidays}, keeping the downtime lines of {@code
     * old}; a bad entry is a 422 {@code invalid_calendar} naming the field ({@code shifts[1]}), its value and
     * a likely fix. Holidays are kept once each, in date order.
     */
    static String text(String centreId, List<String> shifts, List<String> holidays, String old) {
        if (shifts.isEmpty()) {
            throw invalid(
                            "work centre " + centreId + " would have no shift and never be open",
                            "Maybe \"shifts\": [\"MON-FRI 07:00-15:00\"].")
                    .field("shifts");
        }
        if (shifts.size() > MAX_SHIFTS) {
            throw invalid(shifts.size() + " shifts are more than the " + MAX_SHIFTS + " a work centre may have", null)
                    .field("shifts");
        }
        List<String> shiftLines = new ArrayList<>();
        for (int i = 0; i < shifts.size(); i++) {
            String s = shifts.get(i) == null ? "" : shifts.get(i).strip().replaceAll("\\s+", " ");
            String field = "shifts[" + i + "]";
            if (s.isEmpty() || s.contains(",")) {
                throw invalid("shift '" + s + "' is not one 'DAYS HH:MM-HH:MM'", "Maybe MON-FRI 07:00-15:00.")
                        .field(field);
            }
            ShiftCalendar parsed;
            try {
                parsed = ProductionFile.calendar(field, "shifts=" + s);
            } catch (IllegalArgumentException e) {
                throw fromFile(field, e);
            }
            ShiftCalendar.Shift first = parsed.shifts().get(0);
            if (first.start().equals(first.end())) {
                throw invalid(
                                "shift '" + s + "' starts and ends at " + first.start() + ", so it is never open",
                                "Maybe " + s.substring(0, s.indexOf(' ')) + " " + first.start() + "-"
                                        + first.start().plusHours(8) + ".")
                        .field(field);
            }
            shiftLines.add(s);
        }
        List<String> holidayLines = dates("holidays", "holiday", holidays).stream()
                .map(LocalDate::toString)
                .toList();
        String downtime = lines(old).getOrDefault("downtime", "");
        return "shifts=" + String.join(", ", shiftLines) + "\nholidays=" + String.join(", ", holidayLines)
                + "\ndowntime=" + downtime;
    }

    /**
     * The dates of request field {@code field}, once each in date order; a bad one is a 422 naming {@code
     * field[i]} and the value ({@code noun} 'x' is not a date).
     */
    static List<LocalDate> dates(String field, String noun, List<String> values) {
        if (values.size() > MAX_HOLIDAYS) {
            throw invalid(
                            values.size() + " dates are more than the " + MAX_HOLIDAYS + " a work centre may have",
                            "Maybe drop the holidays of past years.")
                    .field(field);
        }
        TreeSet<LocalDate> out = new TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            try {
                out.add(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                throw invalid(noun + " '" + v + "' is not a date (YYYY-MM-DD)", "Maybe 2026-12-24.")
                        .field(field + "[" + i + "]");
            }
        }
        return List.copyOf(out);
    }

    /** The calendar text of {@code centre} with the holidays {@code add} and without {@code remove}. */
    static String withHolidays(Board.Centre centre, List<LocalDate> add, List<LocalDate> remove) {
        Map<String, String> lines = lines(centre.calendar());
        TreeSet<String> holidays = new TreeSet<>(ProductionFile.items(lines.getOrDefault("holidays", "")));
        add.forEach(d -> holidays.add(d.toString()));
        remove.forEach(d -> holidays.remove(d.toString()));
        return text(
                centre.id(),
                ProductionFile.items(lines.getOrDefault("shifts", "")),
                List.copyOf(holidays),
                centre.calendar());
    }

    private static ApiError invalid(String message, String maybe) {
        return ApiError.unprocessable("invalid_calendar", message, maybe);
    }

    /** A {@link ProductionFile#calendar} error ("where: what. Maybe fix.") as a field error. */
    private static ApiError fromFile(String field, IllegalArgumentException e) {
        String message = e.getMessage();
        if (message.startsWith(field + ": ")) {
            message = message.substring(field.length() + 2);
        }
        int maybe = message.indexOf(" Maybe ");
        return invalid(
                        maybe < 0 ? message : message.substring(0, maybe).replaceAll("\\.$", ""),
                        maybe < 0 ? null : message.substring(maybe + 1))
                .field(field);
    }

    /**
     * Cuts again every open piece of interruptible work longer than its work-centre type's chunk on {@code
     * board} (shifts became shorter): the piece keeps its row with its first part, the rest follow as {@code
     * <taskId>.2}, {@code <taskId>.3}, ... on the same lane, tentatively right after it (the repair then
     * places them). Returns the number of pieces cut.
     */
    static int resplit(Handle h, Board board, List<Board.Centre> centres, List<Production.OpRow> ops) {
        Map<String, String> typeOf = new LinkedHashMap<>();
        centres.forEach(c -> typeOf.put(c.id(), c.type()));
        int cut = 0;
        // last first: making room after a piece moves only the positions of the pieces after it
        for (int i = ops.size() - 1; i >= 0; i--) {
            Production.OpRow op = ops.get(i);
            boolean started = op.start() != null && op.start().isBefore(board.epoch());
            String type = typeOf.get(op.centreId());
            if (op.lost() || started || type == null) {
                continue;
            }
            long chunk = board.chunkMinutes(type);
            List<Board.Piece> pieces = op.minutes() <= chunk
                    ? List.of()
                    : Board.split(
                            new Board.Piece(op.minutes(), op.units(), op.unitMinutes()), op.uninterruptible(), chunk);
            if (pieces.size() < 2) {
                continue;
            }
            Board.Piece first = pieces.get(0);
            LocalDateTime at = op.start() == null ? null : op.start().plusMinutes(first.minutes());
            h.createUpdate(
                            "update planned_operations set minutes = :m, planned_end = :e, units = :u where task_id = :t")
                    .bind("m", first.minutes())
                    .bind("e", at)
                    .bind("u", first.units() > 0 ? first.units() : null)
                    .bind("t", op.taskId())
                    .execute();
            Production.makeRoom(h, op, pieces.size() - 1);
            for (int k = 1; k < pieces.size(); k++) {
                Board.Piece p = pieces.get(k);
                LocalDateTime end = at == null ? null : at.plusMinutes(p.minutes());
                Production.copyOf(
                        h,
                        op,
                        op.taskId() + "." + (k + 1),
                        op.position() + k,
                        p.minutes(),
                        at,
                        end,
                        false,
                        p.units() > 0 ? p.units() : null,
                        p.units() > 0 ? p.unitMinutes() : null);
                at = end;
            }
            cut++;
        }
        return cut;
    }

    /**
     * Why {@code p} cannot be planned on {@code board}, when it is that one operation is longer than every
     * stretch of open time of its lane: "operation 'press' of order 12 takes 255 minutes in one piece ...".
     */
    static Optional<String> tooLong(Board board, Production.Problem p, List<Board.Centre> centres) {
        Map<String, String> names = new LinkedHashMap<>();
        centres.forEach(c -> names.put(c.id(), c.name() + " (" + c.id() + ")"));
        Map<String, Long> longest = new LinkedHashMap<>();
        for (Board.Lane lane : board.lanes().values()) {
            long open = 0;
            long from = 0;
            for (Interval closed : lane.unavailable()) {
                open = Math.max(open, Math.min(closed.start(), board.horizon()) - from);
                from = Math.max(from, closed.end());
            }
            longest.put(lane.key(), Math.max(open, board.horizon() - from));
        }
        for (int j = 0; j < p.remaining().size(); j++) {
            for (Production.OpRow op : p.remaining().get(j)) {
                long stretch = longest.getOrDefault(Production.laneKey(board, op.centreId(), op.lane()), 0L);
                if (op.minutes() > stretch) {
                    return Optional.of("operation '" + op.operation() + "' of order "
                            + p.orders().get(j).number()
                            + " takes " + op.minutes() + " minutes in one piece, and the longest stretch of open time"
                            + " of " + names.getOrDefault(op.centreId(), op.centreId()) + " is " + stretch
                            + " minutes");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some minute closed on a lane of {@code before} is open on the same lane of {@code after}. */
    static boolean frees(Board before, Board after) {
        for (Board.Lane lane : after.lanes().values()) {
            Board.Lane old = before.lanes().get(lane.key());
            if (old == null) {
                continue;
            }
            long shift = Duration.between(before.epoch(), after.epoch()).toMinutes();
            long end = Math.min(before.horizon() - shift, after.horizon());
            for (Interval closed : old.unavailable()) {
                long from = Math.max(0, closed.start() - shift);
                long to = Math.min(end, closed.end() - shift);
                if (from < to && !covered(lane.unavailable(), from, to)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code [from, to)} lies wholly in the union of the sorted, merged {@code intervals}. */
    private static boolean covered(List<Interval> intervals, long from, long to) {
        long at = from;
        for (Interval i : intervals) {
            if (i.start() > at) {
                break;
            }
            at = Math.max(at, i.end());
            if (at >= to) {
                return true;
            }
        }
        return at >= to;
    }

    /**
     * Re-times every open operation (planned, not started, not lost) on {@code board}'s calendars, each lane
     * keeping its order of operations and each order its routing order: in order of their planned starts,
     * each starts at the earliest open stretch that holds it after the operation before it in its order, the
     * one before it on its lane, its order's material arrival and the started operations on its lane, and,
     * unless {@code earlier}, not before its planned start. So a calendar that closed time pushes on only what
     * it must, as far as it must, and one that opened time ({@code earlier}) lets every operation move up
     * into it. Writes the operations that moved and their orders' planned finish and returns how many moved;
     * -1, writing nothing, when an operation fits in no stretch before the board's end.
     */
    static int retime(Handle h, String firmId, Board board, boolean earlier) {
        List<Production.OpRow> ops = Production.ops(h, firmId);
        Map<String, Long> ready = new LinkedHashMap<>();
        for (Production.OrderRow o : Production.orders(h, firmId)) {
            ready.put(o.orderId(), Production.ready(board, java.util.Optional.ofNullable(o.materialArrival())));
        }
        Map<String, List<Interval>> started = new LinkedHashMap<>();
        List<Production.OpRow> open = new ArrayList<>();
        Map<String, Long> jobEnd = new LinkedHashMap<>();
        java.util.Set<String> held = new java.util.HashSet<>();
        for (Production.OpRow op : ops) {
            if (op.start() == null) {
                held.add(op.orderId()); // an unplanned operation: its order is left as it is
            } else if (!op.start().isBefore(board.epoch()) && !op.lost()) {
                open.add(op);
            } else {
                long end = board.minutes(op.end());
                if (end > 0) {
                    started.computeIfAbsent(Production.laneKey(board, op.centreId(), op.lane()), k -> new ArrayList<>())
                            .add(new Interval(Math.max(0, board.minutes(op.start())), end));
                }
                jobEnd.merge(op.orderId(), end, Math::max);
            }
        }
        Map<String, List<Interval>> blocked = new LinkedHashMap<>();
        board.lanes()
                .values()
                .forEach(l -> blocked.put(l.key(), Board.blocked(l, started.getOrDefault(l.key(), List.of()))));
        open.removeIf(op -> held.contains(op.orderId()));
        // in order of planned start, but never before the operation before it in its order: a part placed
        // tentatively (a downtime's resumed rest) may start later than what follows it
        Map<String, LocalDateTime> key = new LinkedHashMap<>();
        Map<String, LocalDateTime> orderKey = new LinkedHashMap<>();
        for (Production.OpRow op : open) { // ops come in order id and position order
            LocalDateTime k = op.start();
            LocalDateTime before = orderKey.get(op.orderId());
            if (before != null && before.isAfter(k)) {
                k = before;
            }
            orderKey.put(op.orderId(), k);
            key.put(op.taskId(), k);
        }
        List<Production.OpRow> order = new ArrayList<>(open);
        order.sort(java.util.Comparator.comparing((Production.OpRow op) -> key.get(op.taskId()))
                .thenComparing(Production.OpRow::orderId)
                .thenComparingInt(Production.OpRow::position));
        Map<String, Long> laneEnd = new LinkedHashMap<>();
        Map<String, long[]> placed = new LinkedHashMap<>();
        for (Production.OpRow op : order) {
            String lane = Production.laneKey(board, op.centreId(), op.lane());
            long from = Math.max(
                    ready.getOrDefault(op.orderId(), 0L),
                    Math.max(jobEnd.getOrDefault(op.orderId(), 0L), laneEnd.getOrDefault(lane, 0L)));
            if (!earlier) {
                from = Math.max(from, board.minutes(op.start()));
            }
            long start = Board.earliestFit(blocked.getOrDefault(lane, List.of()), from, op.minutes());
            long end = start + op.minutes();
            if (end > board.horizon()) {
                return -1;
            }
            jobEnd.put(op.orderId(), end);
            laneEnd.put(lane, end);
            placed.put(op.taskId(), new long[] {start, end});
        }
        int moved = 0;
        java.util.Set<String> orders = new java.util.LinkedHashSet<>();
        for (Production.OpRow op : open) {
            long[] p = placed.get(op.taskId());
            if (p[0] == board.minutes(op.start()) && p[1] == board.minutes(op.end())) {
                continue;
            }
            h.createUpdate("update planned_operations set planned_start = :s, planned_end = :e where task_id = :t")
                    .bind("s", board.time(p[0]))
                    .bind("e", board.time(p[1]))
                    .bind("t", op.taskId())
                    .execute();
            orders.add(op.orderId());
            moved++;
        }
        Production.refreshFinishes(h, orders);
        return moved;
    }
}
