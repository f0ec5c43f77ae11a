package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import no.tilpass.engine.production.ShiftCalendar;
import no.tilpass.engine.scheduling.Interval;
import org.junit.jupiter.api.Test;

/** The plant's wall clock in Oslo across the two nights a year it is not one hour per hour. */
class SummerTimeTest {
    /** Summer time ends: 03:00 CEST becomes 02:00 CET at 01:00 UTC. */
    private static final Instant AUTUMN_FOLD = Instant.parse("2027-10-31T01:00:00Z");

    /** Summer time starts: 02:00 CET becomes 03:00 CEST at 01:00 UTC. */
    private static final Instant SPRING_GAP = Instant.parse("2027-03-28T01:00:00Z");

    @Test
    void the_plant_minute_never_goes_back_and_stands_at_three_through_the_repeated_hour() {
        assertThat(Production.plantMinute(AUTUMN_FOLD.minusSeconds(31 * 60)))
                .isEqualTo(LocalDateTime.parse("2027-10-31T02:29"));
        assertThat(Production.plantMinute(AUTUMN_FOLD.minusSeconds(1)))
                .isEqualTo(LocalDateTime.parse("2027-10-31T02:59"));
        assertThat(Production.plantMinute(AUTUMN_FOLD))
                .as("02:00 CET, the repeated hour")
                .isEqualTo(LocalDateTime.parse("2027-10-31T03:00"));
        assertThat(Production.plantMinute(AUTUMN_FOLD.plusSeconds(59 * 60 + 59)))
                .isEqualTo(LocalDateTime.parse("2027-10-31T03:00"));
        assertThat(Production.plantMinute(AUTUMN_FOLD.plusSeconds(61 * 60)))
                .isEqualTo(LocalDateTime.parse("2027-10-31T03:01"));
    }

    @Test
    void minute_by_minute_over_both_nights_the_plant_minute_rises_and_elsewhere_is_the_wall_clock() {
        for (Instant night : List.of(AUTUMN_FOLD, SPRING_GAP)) {
            LocalDateTime previous = null;
            for (Instant at = night.minus(Duration.ofHours(3));
                    at.isBefore(night.plus(Duration.ofHours(3)));
                    at = at.plusSeconds(60)) {
                LocalDateTime minute = Production.plantMinute(at);
                if (previous != null) {
                    assertThat(minute).as(at.toString()).isAfterOrEqualTo(previous);
                }
                boolean repeated = !at.isBefore(AUTUMN_FOLD) && at.isBefore(AUTUMN_FOLD.plusSeconds(3600));
                if (!repeated) {
                    assertThat(minute).as(at.toString()).isEqualTo(LocalDateTime.ofInstant(at, Production.ZONE));
                }
                previous = minute;
            }
        }
    }

    @Test
    void the_hour_skipped_when_summer_time_starts_is_closed_on_every_work_centre_and_only_that_night() {
        LocalDateTime friday = LocalDateTime.parse("2027-03-26T00:00");
        String nights = "shifts=MON-SUN 22:00-06:00\nholidays=\ndowntime=";
        Board board = Board.of(
                friday,
                7,
                List.of(
                        new Board.Centre("oven-1", "oven", "Oven", 1, nights),
                        new Board.Centre("press-1", "press", "Press", 2, nights)),
                List.of());
        long skippedFrom = Duration.between(friday, LocalDateTime.parse("2027-03-28T02:00"))
                .toMinutes();
        Interval skipped = new Interval(skippedFrom, skippedFrom + 60);
        assertThat(board.lanes().values()).hasSize(3).allSatisfy(lane -> {
            assertThat(lane.unavailable()).as(lane.key()).anySatisfy(closed -> assertThat(
                            closed.start() <= skipped.start() && closed.end() >= skipped.end())
                    .isTrue());
            long closedOverTheHour = lane.unavailable().stream()
                    .filter(closed -> closed.overlaps(skipped))
                    .count();
            assertThat(closedOverTheHour).isEqualTo(1);
        });
        long openMinutes = 7 * 24 * 60
                - board.lanes().values().iterator().next().unavailable().stream()
                        .mapToLong(i -> i.end() - i.start())
                        .sum();
        assertThat(openMinutes)
                .as("seven nights of eight hours, one of them an hour short")
                .isEqualTo(7 * 8 * 60 - 60);
        assertThat(Board.skippedHours(LocalDateTime.parse("2027-04-01T00:00"), LocalDateTime.parse("2027-10-01T00:00")))
                .as("no hour is skipped over the summer")
                .isEmpty();
        assertThat(Board.skippedHours(friday, friday.plusDays(7)))
                .containsExactly(new ShiftCalendar.Period(
                        LocalDateTime.parse("2027-03-28T02:00"), LocalDateTime.parse("2027-03-28T03:00")));
    }
}
