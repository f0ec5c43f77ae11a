package no.tilpass.server.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import no.tilpass.engine.production.ShiftCalendar;

/**
 * A firm's production data as written in {@code models/production/<firm>.properties}: work centres
 * (type, name, capacity, calendar), new-bar lengths per profile type, remnants in stock and the article
 * stock ({@code stock.ITEM=ON_HAND LEAD_DAYS}: pieces on hand and the supplier's replenishment lead time in
 * calendar days; articles not listed are not stock-controlled). A work
 * centre's calendar is kept as text ({@code shifts=...}, {@code holidays=...}, {@code downtime=...} lines)
 * so the database row can be parsed again by {@link #calendar}.
 */
record ProductionFile(List<Centre> centres, Map<String, Integer> bars, List<Remnant> remnants, List<Stock> stock) {
    ProductionFile {
        centres = List.copyOf(centres);
        bars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bars));
        remnants = List.copyOf(remnants);
        stock = List.copyOf(stock);
    }

    /** The longest supplier lead time accepted, in calendar days. */
    static final int MAX_LEAD_DAYS = 365;

    /**
     * Article {@code item} (a BOM item id) in stock: {@code onHand} pieces, replenished by the supplier in
     * {@code leadDays} calendar days.
     */
    record Stock(String item, long onHand, int leadDays) {}

    record Centre(String id, String type, String name, int capacity, String calendar) {}

    record Remnant(String id, String profile, int lengthMm) {}

    /** The bundled file of {@code firmId}, when there is one. */
    static Optional<ProductionFile> bundled(String firmId) {
        String name = "models/production/" + firmId + ".properties";
        try (InputStream in = ProductionFile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Parses the text of a production file; bad values throw an {@link IllegalArgumentException} naming
     * file, line and column (where a stock line is bad), key and value.
     */
    static ProductionFile parse(String file, String text) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(file, p, positions(text));
    }

    /** Parses {@code p}; bad values throw an {@link IllegalArgumentException} naming file, key and value. */
    static ProductionFile parse(String file, Properties p) {
        return parse(file, p, Map.of());
    }

    /**
     * Where each key's value starts, as {@code line:column} (1-based), for simple one-line entries
     * ({@code key=value} or {@code key = value}); continuation lines are not followed.
     */
    static Map<String, String> positions(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int sep = -1;
            for (int c = 0; c < line.length(); c++) {
                if (line.charAt(c) == '=' || line.charAt(c) == ':') {
                    sep = c;
                    break;
                }
            }
            if (sep < 0) {
                continue;
            }
            String key = line.substring(0, sep).strip();
            int value = sep + 1;
            while (value < line.length() && Character.isWhitespace(line.charAt(value))) {
                value++;
            }
            out.putIfAbsent(key, (i + 1) + ":" + (value + 1));
        }
        return out;
    }

    private static ProductionFile parse(String file, Properties p, Map<String, String> positions) {
        String shifts = p.getProperty("shifts", "MON-FRI 07:00-15:00").strip();
        String holidays = p.getProperty("holidays", "").strip();
        TreeSet<String> keys = new TreeSet<>(p.stringPropertyNames());
        List<String> ids = new ArrayList<>();
        for (String k : keys) {
            if (k.startsWith("workcentre.") && k.endsWith(".type")) {
                ids.add(k.substring("workcentre.".length(), k.length() - ".type".length()));
            }
        }
        List<Centre> centres = new ArrayList<>();
        for (String id : ids) {
            String prefix = "workcentre." + id + ".";
            String type = p.getProperty(prefix + "type").strip();
            String name = p.getProperty(prefix + "name", id).strip();
            String capacityText = p.getProperty(prefix + "capacity", "1").strip();
            int capacity;
            try {
                capacity = Integer.parseInt(capacityText);
            } catch (NumberFormatException e) {
                capacity = 0;
            }
            if (capacity < 1 || capacity > 20) {
                throw new IllegalArgumentException(file + ": " + prefix + "capacity is '" + capacityText
                        + "', not a whole number from 1 to 20. Maybe capacity=1.");
            }
            String own = p.getProperty(prefix + "shifts", shifts).strip();
            String ownHolidays = p.getProperty(prefix + "holidays", holidays).strip();
            String downtime = p.getProperty(prefix + "downtime", "").strip();
            String calendar = "shifts=" + own + "\nholidays=" + ownHolidays + "\ndowntime=" + downtime;
            calendar(file + ": " + prefix + "*", calendar);
            centres.add(new Centre(id, type, name, capacity, calendar));
        }
        if (centres.isEmpty()) {
            throw new IllegalArgumentException(
                    file + ": no work centre. Maybe add workcentre.saw-1.type=saw (a routing's workcentre type).");
        }
        Map<String, Integer> bars = new LinkedHashMap<>();
        List<Remnant> remnants = new ArrayList<>();
        List<Stock> stock = new ArrayList<>();
        for (String k : keys) {
            String v = p.getProperty(k).strip();
            if (k.startsWith("bar.")) {
                bars.put(k.substring(4), length(file, k, v));
            } else if (k.startsWith("remnant.")) {
                String[] parts = v.split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(file + ": " + k + " is '" + v
                            + "', not 'PROFILE LENGTH_MM'. Maybe " + k + "=frame_profile 2350.");
                }
                remnants.add(new Remnant(k.substring(8), parts[0], length(file, k, parts[1])));
            } else if (k.startsWith("stock.")) {
                stock.add(stock(positions.containsKey(k) ? file + ":" + positions.get(k) : file, k, v));
            }
        }
        return new ProductionFile(centres, bars, remnants, stock);
    }

    private static Stock stock(String file, String key, String v) {
        String item = key.substring("stock.".length());
        String[] parts = v.split("\\s+");
        long onHand = -1;
        long lead = -1;
        if (parts.length == 2) {
            try {
                onHand = Long.parseLong(parts[0]);
                lead = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                onHand = -1;
            }
        }
        if (item.isBlank() || onHand < 0 || onHand > 10_000_000 || lead < 0 || lead > MAX_LEAD_DAYS) {
            throw new IllegalArgumentException(file + ": " + key + " is '" + v
                    + "', not 'ON_HAND LEAD_DAYS' (pieces from 0, calendar days from 0 to " + MAX_LEAD_DAYS
                    + "). Maybe " + key + "=40 14.");
        }
        return new Stock(item, onHand, (int) lead);
    }

    private static int length(String file, String key, String v) {
        try {
            int mm = Integer.parseInt(v);
            if (mm > 0 && mm <= 20_000) {
                return mm;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                file + ": " + key + " has length '" + v + "', not whole millimetres from 1 to 20000. Maybe 6000.");
    }

    /** The calendar written as {@code shifts=...\nholidays=...\ndowntime=...} ({@code where} names it in errors). */
    static ShiftCalendar calendar(String where, String text) {
        String shifts = "";
        String holidays = "";
        String downtime = "";
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "shifts" -> shifts = value;
                case "holidays" -> holidays = value;
                case "downtime" -> downtime = value;
                default -> throw new IllegalArgumentException(
                        where + ": unknown calendar line '" + line + "'. Maybe shifts=, holidays= or downtime=.");
            }
        }
        List<ShiftCalendar.Shift> shiftList = new ArrayList<>();
        for (String part : items(shifts)) {
            String[] dt = part.split("\\s+");
            if (dt.length != 2 || !dt[1].contains("-")) {
                throw new IllegalArgumentException(
                        where + ": shift '" + part + "' is not 'DAYS HH:MM-HH:MM'. Maybe MON-FRI 07:00-15:00.");
            }
            LocalTime start;
            LocalTime end;
            try {
                String[] times = dt[1].split("-");
                start = LocalTime.parse(times[0]);
                end = LocalTime.parse(times[1]);
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(
                        where + ": shift '" + part + "' has bad times. Maybe 07:00-15:00.", e);
            }
            for (DayOfWeek day : days(where, dt[0])) {
                shiftList.add(new ShiftCalendar.Shift(day, start, end));
            }
        }
        List<LocalDate> holidayList = new ArrayList<>();
        for (String h : items(holidays)) {
            try {
                holidayList.add(LocalDate.parse(h));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": holiday '" + h + "' is not a date. Maybe 2026-12-24.", e);
            }
        }
        List<ShiftCalendar.Period> periods = new ArrayList<>();
        for (String d : items(downtime)) {
            String[] fromTo = d.split("/");
            try {
                periods.add(new ShiftCalendar.Period(LocalDateTime.parse(fromTo[0]), LocalDateTime.parse(fromTo[1])));
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + ": downtime '" + d + "' is not FROM/TO. Maybe 2026-12-07T07:00/2026-12-07T11:00.", e);
            }
        }
        return new ShiftCalendar(shiftList, holidayList, periods);
    }

    /** The non-blank entries of a comma-separated calendar value, stripped. */
    static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static List<DayOfWeek> days(String where, String text) {
        List<DayOfWeek> out = new ArrayList<>();
        for (String part : text.split("\\+")) {
            String[] range = part.split("-");
            int from = DAYS.indexOf(range[0]);
            int to = range.length > 1 ? DAYS.indexOf(range[1]) : from;
            if (from < 0 || to < from || range.length > 2) {
                throw new IllegalArgumentException(
                        where + ": days '" + text + "' are not like MON-FRI, SAT or MON+WED. Maybe MON-FRI.");
            }
            for (int d = from; d <= to; d++) {
                out.add(DayOfWeek.of(d + 1));
            }
        }
        return out;
    }
}
