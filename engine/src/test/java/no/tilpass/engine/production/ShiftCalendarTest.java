package no.tilpass.engine.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShiftCalendarTest {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 30, 0, 0);

    @Test
    void a_weekday_day_shift_calendar_skips_nights_and_the_weekend() {
        ShiftCalendar c = ShiftCalendar.weekdays(LocalTime.of(7, 0), LocalTime.of(15, 0));
        List<ShiftCalendar.Period> week = c.available(MONDAY, MONDAY.plusDays(7));
        assertThat(week).hasSize(5);
        assertThat(week.get(0)).isEqualTo(new ShiftCalendar.Period(MONDAY.withHour(7), MONDAY.withHour(15)));
        assertThat(week.get(4).start().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(c.availableMinutes(MONDAY, MONDAY.plusDays(7))).isEqualTo(5 * 8 * 60);
    }

    @Test
    void a_night_shift_runs_past_midnight_and_a_holiday_removes_its_part_on_the_holiday() {
        ShiftCalendar c = new ShiftCalendar(
                List.of(new ShiftCalendar.Shift(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))),
                List.of(LocalDate.of(2026, 12, 1)),
                List.of());
        assertThat(c.available(MONDAY, MONDAY.plusDays(7)))
                .containsExactly(new ShiftCalendar.Period(MONDAY.withHour(22), MONDAY.plusDays(1)));
    }

    @Test
    void available_and_unavailable_periods_equal_a_minute_by_minute_oracle_on_random_calendars() {
        long seed = 42L;
        Random random = new Random(seed);
        for (int round = 0; round < 150; round++) {
            List<ShiftCalendar.Shift> shifts = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                shifts.add(new ShiftCalendar.Shift(DayOfWeek.of(1 + random.nextInt(7)), time(random), time(random)));
            }
            List<LocalDate> holidays = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                holidays.add(MONDAY.toLocalDate().plusDays(random.nextInt(16) - 1));
            }
            List<ShiftCalendar.Period> downtime = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                LocalDateTime s = MONDAY.plusMinutes(random.nextInt(16 * 24 * 60) - 24 * 60);
                downtime.add(new ShiftCalendar.Period(s, s.plusMinutes(random.nextInt(3 * 24 * 60))));
            }
            ShiftCalendar c = new ShiftCalendar(shifts, holidays, downtime);
            LocalDateTime from = MONDAY.plusMinutes(random.nextInt(24 * 60));
            LocalDateTime to = from.plusMinutes(random.nextInt(14 * 24 * 60));
            String where = "seed " + seed + " round " + round + ": " + c + " from " + from + " to " + to;

            List<ShiftCalendar.Period> periods = c.available(from, to);
            int minutes = (int) Duration.between(from, to).toMinutes();
            BitSet actual = new BitSet(minutes);
            LocalDateTime previousEnd = null;
            for (ShiftCalendar.Period p : periods) {
                assertThat(p.start()).as(where).isBefore(p.end());
                if (previousEnd != null) {
                    assertThat(p.start()).as(where + " (sorted, not touching)").isAfter(previousEnd);
                }
                previousEnd = p.end();
                int s = (int) Duration.between(from, p.start()).toMinutes();
                int e = (int) Duration.between(from, p.end()).toMinutes();
                assertThat(s).as(where).isGreaterThanOrEqualTo(0);
                assertThat(e).as(where).isLessThanOrEqualTo(minutes);
                actual.set(s, e);
            }
            BitSet expected = new BitSet(minutes);
            for (int m = 0; m < minutes; m++) {
                if (oracle(c, from.plusMinutes(m))) {
                    expected.set(m);
                }
            }
            assertThat(actual).as(where).isEqualTo(expected);
            BitSet blocked = new BitSet(minutes);
            for (ShiftCalendar.Period p : c.unavailable(from, to)) {
                blocked.set((int) Duration.between(from, p.start()).toMinutes(), (int)
                        Duration.between(from, p.end()).toMinutes());
            }
            expected.flip(0, minutes);
            assertThat(blocked).as(where + " (unavailable)").isEqualTo(expected);
        }
    }

    /** Whether minute {@code t} is available, straight from the calendar's definition. */
    private static boolean oracle(ShiftCalendar c, LocalDateTime t) {
        if (c.holidays().contains(t.toLocalDate())) {
            return false;
        }
        for (ShiftCalendar.Period p : c.downtime()) {
            if (!t.isBefore(p.start()) && t.isBefore(p.end())) {
                return false;
            }
        }
        LocalTime time = t.toLocalTime();
        for (ShiftCalendar.Shift s : c.shifts()) {
            boolean crosses = !s.end().isAfter(s.start());
            if (!crosses) {
                if (t.getDayOfWeek() == s.day() && !time.isBefore(s.start()) && time.isBefore(s.end())) {
                    return true;
                }
            } else {
                if (t.getDayOfWeek() == s.day() && !time.isBefore(s.start())) {
                    return true;
                }
                if (t.getDayOfWeek() == s.day().plus(1) && time.isBefore(s.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static LocalTime time(Random random) {
        return LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
    }
}
