package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitsDoneTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 7, 7, 0);

    private static Production.OpRow piece(long setup, long units, long unit) {
        return new Production.OpRow(
                "o/paint#1",
                "o",
                3,
                "paint",
                "Paint",
                "paint-1",
                1,
                setup + units * unit,
                START,
                START.plusMinutes(setup + units * unit),
                true,
                false,
                units,
                unit);
    }

    @Test
    void a_stop_keeps_the_setup_and_the_units_that_ended_before_it_and_nothing_during_the_first_unit() {
        Production.OpRow p = piece(30, 13, 16);
        assertThat(Production.unitsDone(p, 10)).as("during the setup").isZero();
        assertThat(Production.unitsDone(p, 45)).as("during the first unit").isZero();
        assertThat(Production.unitsDone(p, 46)).as("right after the first unit").isEqualTo(46);
        assertThat(Production.unitsDone(p, 30 + 5 * 16 + 7)).isEqualTo(30 + 5 * 16);
        assertThat(Production.unitsDone(p, 30 + 13 * 16)).isEqualTo(30 + 13 * 16);
    }

    @Test
    void the_minutes_kept_are_the_most_whole_units_done_on_random_pieces() {
        for (int seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            long setup = random.nextInt(60);
            long units = 1 + random.nextInt(12);
            long unit = 1 + random.nextInt(40);
            Production.OpRow p = piece(setup, units, unit);
            long done = 1 + random.nextInt((int) p.minutes() - 1);

            long kept = Production.unitsDone(p, done);

            long oracle = 0;
            for (long k = 1; k <= units; k++) {
                if (setup + k * unit <= done) {
                    oracle = setup + k * unit;
                }
            }
            assertThat(kept).as("seed " + seed + ", done " + done + " of " + p).isEqualTo(oracle);
        }
    }
}
