package no.tilpass.server.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import org.junit.jupiter.api.Test;

class StateViewTest {
    private static Option widths() {
        // 400, 500, ..., 1200 on literals 1..9
        int[] literals = new int[9];
        int[] numbers = new int[9];
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            literals[i] = i + 1;
            numbers[i] = 400 + 100 * i;
            values.add(Integer.toString(numbers[i]));
        }
        return new Option("width", OptionKind.INTEGER, values, literals, numbers, 2);
    }

    @Test
    void valid_integers_are_shown_as_runs_of_consecutive_steps() {
        List<Map<String, Object>> runs = StateView.ranges(widths(), new int[] {0, 1, 2, 5, 7, 8}, 100);

        assertThat(runs)
                .containsExactly(
                        Map.of("from", 400, "to", 600, "step", 100L),
                        Map.of("from", 900, "to", 900, "step", 100L),
                        Map.of("from", 1100, "to", 1200, "step", 100L));
    }

    @Test
    void no_valid_integer_is_no_run() {
        assertThat(StateView.ranges(widths(), new int[0], 100)).isEmpty();
    }
}
