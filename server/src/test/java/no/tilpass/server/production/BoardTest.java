package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import no.tilpass.engine.production.OrderRelease;
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
        assertThat(Board.chunks(600, Board.CHUNK_MINUTES)).containsExactly(240L, 240L, 120L);
        assertThat(Board.chunks(0, Board.CHUNK_MINUTES)).containsExactly(1L);
    }

    @Test
    void an_uninterruptible_operation_stays_one_piece_however_long_it_is() {
        assertThat(Board.chunks(600, true, Board.CHUNK_MINUTES)).containsExactly(600L);
        assertThat(Board.chunks(600, false, Board.CHUNK_MINUTES)).containsExactly(240L, 240L, 120L);
        assertThat(Board.chunks(0, true, Board.CHUNK_MINUTES)).containsExactly(1L);
    }

    private static OrderRelease.Task painting(long setup, long perUnit, long quantity) {
        return new OrderRelease.Task(
                "o/paint",
                "paint",
                "Paint",
                "paint",
                List.of("paint-1"),
                setup,
                perUnit * quantity,
                List.of(),
                true,
                true,
                perUnit);
    }

    @Test
    void an_operation_uninterruptible_per_unit_is_cut_only_between_whole_units() {
        assertThat(Board.pieces(painting(30, 16, 30), Board.CHUNK_MINUTES))
                .containsExactly(
                        new Board.Piece(30 + 13 * 16, 13, 16),
                        new Board.Piece(15 * 16, 15, 16),
                        new Board.Piece(2 * 16, 2, 16));
        assertThat(Board.pieces(painting(200, 90, 3), Board.CHUNK_MINUTES))
                .as("a unit longer than what is left of a chunk still goes whole, with the setup")
                .containsExactly(new Board.Piece(290, 1, 90), new Board.Piece(180, 2, 90));
        assertThat(Board.pieces(painting(0, 300, 2), Board.CHUNK_MINUTES))
                .containsExactly(new Board.Piece(300, 1, 300), new Board.Piece(300, 1, 300));
        for (int seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            long setup = random.nextInt(300);
            long unit = 1 + random.nextInt(300);
            long quantity = 1 + random.nextInt(40);
            List<Board.Piece> pieces = Board.pieces(painting(setup, unit, quantity), Board.CHUNK_MINUTES);
            assertThat(pieces.stream().mapToLong(Board.Piece::minutes).sum())
                    .as("seed " + seed)
                    .isEqualTo(setup + unit * quantity);
            assertThat(pieces.stream().mapToLong(Board.Piece::units).sum())
                    .as("seed " + seed)
                    .isEqualTo(quantity);
            for (int k = 0; k < pieces.size(); k++) {
                Board.Piece p = pieces.get(k);
                assertThat(p.units()).as("seed " + seed).isPositive();
                assertThat(p.minutes()).as("seed " + seed).isEqualTo((k == 0 ? setup : 0) + p.units() * unit);
                assertThat(p.minutes() <= Board.CHUNK_MINUTES || p.units() == 1)
                        .as("seed %d: piece %s is longer than a chunk with more than one unit", seed, p)
                        .isTrue();
            }
        }
        assertThat(Board.pieces(
                        new OrderRelease.Task(
                                "o/cut", "cut", "Cut", "saw", List.of("saw-1"), 10, 500, List.of(), false, false, 50),
                        Board.CHUNK_MINUTES))
                .extracting(Board.Piece::minutes)
                .containsExactly(240L, 240L, 30L);
    }

    @Test
    void uninterruptible_operations_land_in_one_stretch_of_open_time_on_random_calendars() {
        String[] days = {"MON-FRI", "MON-THU", "MON-SAT", "TUE-FRI"};
        int placedUninterruptible = 0;
        int splitInterruptible = 0;
        for (int seed = 1; seed <= 120; seed++) {
            Random random = new Random(seed);
            List<Board.Centre> centres = new ArrayList<>();
            List<Board.Downtime> downtimes = new ArrayList<>();
            for (String type : List.of("saw", "press")) {
                for (int c = 1; c <= 1 + random.nextInt(2); c++) {
                    int from = 5 + random.nextInt(4);
                    int to = from + 6 + random.nextInt(10);
                    String id = type + "-" + c;
                    centres.add(new Board.Centre(
                            id,
                            type,
                            id,
                            1 + random.nextInt(2),
                            "shifts=" + days[random.nextInt(days.length)]
                                    + " %02d:00-%02d:%02d".formatted(from, to, 15 * random.nextInt(4))
                                    + "\nholidays=\ndowntime="));
                    for (int d = 0; d < random.nextInt(4); d++) {
                        LocalDateTime start = MONDAY.plusMinutes(random.nextInt(14 * 1440));
                        downtimes.add(new Board.Downtime(id, start, start.plusMinutes(30 + random.nextInt(300))));
                    }
                }
            }
            Board board = Board.of(MONDAY, 60, centres, downtimes);
            List<Board.Need> needs = new ArrayList<>();
            List<Boolean> whole = new ArrayList<>();
            for (int k = 0; k < 2 + random.nextInt(6); k++) {
                boolean uninterruptible = random.nextBoolean();
                long minutes = 20 + random.nextInt(uninterruptible ? 340 : 900);
                String type = random.nextBoolean() ? "saw" : "press";
                needs.add(new Board.Need(type, Board.chunks(minutes, uninterruptible, board.chunkMinutes(type))));
                whole.add(uninterruptible);
            }
            Map<String, List<Interval>> busy = new java.util.LinkedHashMap<>();
            busy.put(board.lanesOfType("press").get(0).key(), List.of(new Interval(600, 600 + random.nextInt(900))));

            Optional<List<Board.Placement>> placed = board.insert(needs, busy, random.nextInt(2000));

            assertThat(placed).as("seed " + seed).isPresent();
            int at = 0;
            for (int k = 0; k < needs.size(); k++) {
                List<Board.Placement> mine =
                        placed.get().subList(at, at + needs.get(k).chunks().size());
                at += mine.size();
                List<String> problems = splitProblems(board, mine, whole.get(k));
                assertThat(problems)
                        .as("seed %d operation %d: %s", seed, k, mine)
                        .isEmpty();
                if (whole.get(k)) {
                    placedUninterruptible++;
                } else if (!splitProblems(board, mine, true).isEmpty()) {
                    splitInterruptible++;
                }
            }
        }
        assertThat(placedUninterruptible).isGreaterThan(100);
        assertThat(splitInterruptible)
                .as("the checker sees the splits of interruptible operations, which are allowed")
                .isGreaterThan(20);
    }

    private static long chunkOf(String shifts) {
        return Board.of(
                        MONDAY,
                        14,
                        List.of(new Board.Centre("bench-1", "bench", "Bench", 1, shifts + "\nholidays=\ndowntime=")),
                        List.of())
                .chunkMinutes("bench");
    }

    @Test
    void chunks_are_as_short_as_the_shortest_regular_stretch_of_open_time_of_their_type_and_at_most_four_hours() {
        assertThat(chunkOf("shifts=MON-FRI 07:00-15:00")).isEqualTo(240);
        assertThat(chunkOf("shifts=MON-FRI 07:00-10:30, MON-FRI 11:00-15:00"))
                .as("a lunch break: the morning's three and a half hours")
                .isEqualTo(210);
        assertThat(chunkOf("shifts=MON-FRI 07:00-09:00")).isEqualTo(120);
        assertThat(chunkOf("shifts=MON-FRI 07:00-15:00, SAT 08:00-08:30"))
                .as("a half-hour slot does not shorten the chunks")
                .isEqualTo(240);
        assertThat(chunkOf("shifts=MON 07:00-07:45, WED 07:00-07:20"))
                .as("only short slots: the longest")
                .isEqualTo(45);
        assertThat(chunkOf("shifts=MON-SUN 00:00-00:00"))
                .as("open day and night")
                .isEqualTo(240);
        assertThat(chunkOf("shifts=MON-FRI 22:00-04:00"))
                .as("a night shift over midnight")
                .isEqualTo(240);
        Board mixed = Board.of(
                MONDAY,
                14,
                List.of(
                        new Board.Centre("bench-1", "bench", "Bench", 1, "shifts=MON-FRI 07:00-15:00"),
                        new Board.Centre("bench-2", "bench", "Bench", 1, "shifts=MON-FRI 12:00-15:00"),
                        new Board.Centre("saw-1", "saw", "Saw", 1, "shifts=MON-FRI 12:00-13:30")),
                List.of());
        assertThat(mixed.chunkMinutes("bench"))
                .as("the shorter of a type's centres")
                .isEqualTo(180);
        assertThat(mixed.chunkMinutes("saw")).isEqualTo(90);
    }

    @Test
    void long_interruptible_work_is_placed_in_full_on_random_calendars_with_short_shifts_and_breaks() {
        String[] days = {"MON-FRI", "MON-THU", "MON+WED+FRI", "TUE-SAT"};
        for (int seed = 1; seed <= 120; seed++) {
            Random random = new Random(seed);
            List<Board.Centre> centres = new ArrayList<>();
            for (String type : List.of("saw", "press")) {
                for (int c = 1; c <= 1 + random.nextInt(2); c++) {
                    // one or two shifts a day of 45 minutes to 3 hours 45, with a break between them
                    int from = 6 * 60 + 15 * random.nextInt(8);
                    int to = from + 45 + 15 * random.nextInt(13);
                    String shifts = days[random.nextInt(days.length)] + " " + hm(from) + "-" + hm(to);
                    if (random.nextBoolean()) {
                        int again = to + 15 + 15 * random.nextInt(6);
                        shifts += ", " + days[random.nextInt(days.length)] + " " + hm(again) + "-"
                                + hm(again + 45 + 15 * random.nextInt(13));
                    }
                    String id = type + "-" + c;
                    centres.add(new Board.Centre(id, type, id, 1 + random.nextInt(2), "shifts=" + shifts));
                }
            }
            Board board = Board.of(MONDAY, 120, centres, List.of());
            List<Board.Need> needs = new ArrayList<>();
            for (int k = 0; k < 2 + random.nextInt(5); k++) {
                String type = random.nextBoolean() ? "saw" : "press";
                long minutes = 60 + random.nextInt(1200);
                needs.add(new Board.Need(type, Board.chunks(minutes, false, board.chunkMinutes(type))));
            }

            Optional<List<Board.Placement>> placed = board.insert(needs, Map.of(), random.nextInt(2000));

            assertThat(placed)
                    .as(
                            "seed %d: %s with chunks of %d and %d minutes",
                            seed, centres, board.chunkMinutes("saw"), board.chunkMinutes("press"))
                    .isPresent();
            int at = 0;
            for (int k = 0; k < needs.size(); k++) {
                List<Board.Placement> mine =
                        placed.get().subList(at, at + needs.get(k).chunks().size());
                at += mine.size();
                assertThat(splitProblems(board, mine, false))
                        .as("seed %d operation %d: %s", seed, k, mine)
                        .isEmpty();
            }
        }
    }

    private static String hm(int minutes) {
        return "%02d:%02d".formatted(minutes / 60, minutes % 60);
    }

    @Test
    void the_checker_reports_an_uninterruptible_operation_split_over_closed_time() {
        Board board = Board.of(
                MONDAY,
                14,
                List.of(new Board.Centre(
                        "press-1", "press", "Press", 1, "shifts=MON-FRI 07:00-15:00\nholidays=\ndowntime=")),
                List.of());
        long sevenAm = 7 * 60;
        List<Board.Placement> split = List.of(
                new Board.Placement("press-1", sevenAm + 400, sevenAm + 480),
                new Board.Placement("press-1", 1440 + sevenAm, 1440 + sevenAm + 40));
        assertThat(splitProblems(board, split, true)).singleElement().asString().contains("closed time");
        assertThat(splitProblems(board, split, false)).isEmpty();
        assertThat(splitProblems(board, List.of(new Board.Placement("press-1", sevenAm + 400, sevenAm + 520)), true))
                .singleElement()
                .asString()
                .contains("runs in closed time");
    }

    /**
     * An independent check of one operation's chunks: none in closed time, each after the one before on the
     * same lane, and, for an uninterruptible operation, no closed minute between its first start and its
     * last end (one unbroken stretch).
     */
    private static List<String> splitProblems(Board board, List<Board.Placement> chunks, boolean uninterruptible) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Board.Placement p = chunks.get(i);
            Interval me = new Interval(p.start(), p.end());
            if (board.lanes().get(p.lane()).unavailable().stream().anyMatch(me::overlaps)) {
                problems.add(p + " runs in closed time");
            }
            if (i > 0
                    && (p.start() < chunks.get(i - 1).end()
                            || !p.lane().equals(chunks.get(i - 1).lane()))) {
                problems.add(p + " does not follow the chunk before it on its lane");
            }
        }
        if (uninterruptible && problems.isEmpty()) {
            Interval all = new Interval(
                    chunks.get(0).start(), chunks.get(chunks.size() - 1).end());
            long worked = chunks.stream().mapToLong(c -> c.end() - c.start()).sum();
            if (worked != all.length()
                    || board.lanes().get(chunks.get(0).lane()).unavailable().stream()
                            .anyMatch(all::overlaps)) {
                problems.add("uninterruptible operation " + chunks + " is split over closed time");
            }
        }
        return problems;
    }
}
