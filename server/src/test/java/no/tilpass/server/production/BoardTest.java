package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import no.tilpass.engine.scheduling.Interval;
import org.junit.jupiter.api.Test;

class BoardTest {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);

    @Test
    void the_earliest_fit_matches_a_minute_by_minute_search_on_random_cases() {
        for (int seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            List<Interval> blocked = new ArrayList<>();
            for (int i = 0; i < random.nextInt(8); i++) {
                long s = random.nextInt(200);
                blocked.add(new Interval(s, s + 1 + random.nextInt(30)));
            }
            blocked.sort(java.util.Comparator.comparingLong(Interval::start));
            long ready = random.nextInt(100);
            long length = 1 + random.nextInt(40);

            long fit = Board.earliestFit(blocked, ready, length);

            long oracle = ready;
            while (overlapsAny(blocked, oracle, length)) {
                oracle++;
            }
            assertThat(fit).as("seed " + seed).isEqualTo(oracle);
        }
    }

    private static boolean overlapsAny(List<Interval> blocked, long start, long length) {
        Interval me = new Interval(start, start + length);
        return blocked.stream().anyMatch(me::overlaps);
    }

    @Test
    void operations_are_inserted_inside_shifts_around_planned_work_and_in_order() {
        Board board = Board.of(
                MONDAY,
                14,
                List.of(
                        new Board.Centre("saw-1", "saw", "Saw", 1, "shifts=MON-FRI 07:00-15:00\nholidays=\ndowntime="),
                        new Board.Centre(
                                "bench-1",
                                "bench",
                                "Bench",
                                2,
                                "shifts=MON-FRI 07:00-15:00\nholidays=2026-12-08\ndowntime=")),
                List.of());
        long sevenAm = 7 * 60;
        Map<String, List<Interval>> busy = Map.of("saw-1", List.of(new Interval(sevenAm, sevenAm + 400)));

        Optional<List<Board.Placement>> placed = board.insert(
                List.of(new Board.Need("saw", List.of(60L)), new Board.Need("bench", List.of(240L, 240L))), busy, 0);

        assertThat(placed).isPresent();
        List<Board.Placement> p = placed.get();
        assertThat(p.get(0)).isEqualTo(new Board.Placement("saw-1", sevenAm + 400, sevenAm + 460));
        // four bench hours do not fit before 15:00 on Monday, Tuesday is a holiday of the bench
        assertThat(p.get(1).lane()).isEqualTo("bench-1#1");
        assertThat(board.time(p.get(1).start())).isEqualTo(LocalDateTime.of(2026, 12, 9, 7, 0));
        assertThat(board.time(p.get(2).start())).isEqualTo(LocalDateTime.of(2026, 12, 9, 11, 0));
        assertThat(p.get(2).lane()).isEqualTo("bench-1#1");
        assertThat(board.workingDaysBetween(
                        MONDAY.toLocalDate(), MONDAY.toLocalDate().plusDays(2)))
                .as("Tuesday counts: the saw works while the bench has a holiday")
                .isEqualTo(2);
    }

    @Test
    void long_operations_are_split_into_chunks_of_at_most_four_hours() {
        assertThat(Board.chunks(600)).containsExactly(240L, 240L, 120L);
        assertThat(Board.chunks(0)).containsExactly(1L);
    }
}
