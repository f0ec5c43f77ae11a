package no.tilpass.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerTest {
    private static final String STATE =
            """
            {"options":[
              {"name":"width","kind":"int","decided":"open","valid":[{"from":400,"to":600,"step":10},{"from":900,"to":900,"step":10}]},
              {"name":"opening_type","kind":"enum","decided":"default","values":[
                {"name":"side_hung","available":true},{"name":"top_hung","available":false},{"name":"fixed","available":true}]},
              {"name":"coastal","kind":"bool","decided":"open","values":[{"name":"true","available":true},{"name":"false","available":true}]},
              {"name":"sashes","kind":"int","decided":"forced","valid":[{"from":1,"to":1,"step":1}]},
              {"name":"glazing","kind":"enum","decided":"user","values":[{"name":"double","available":true},{"name":"triple","available":true}]}
            ]}""";

    /** The same options in the compact state: enum and bool options list their valid values. */
    private static final String COMPACT =
            """
            {"options":[
              {"name":"width","kind":"int","decided":"open","valid":[{"from":400,"to":600,"step":10},{"from":900,"to":900,"step":10}]},
              {"name":"opening_type","kind":"enum","decided":"default","valid":["side_hung","fixed"]},
              {"name":"coastal","kind":"bool","decided":"open","valid":[true,false]},
              {"name":"sashes","kind":"int","decided":"forced","valid":[{"from":1,"to":1,"step":1}]},
              {"name":"glazing","kind":"enum","decided":"user","valid":["double","triple"]}
            ]}""";

    private static Customer customer(long seed) {
        return new Customer(new Transport(URI.create("http://127.0.0.1:1")), "p", seed, new Window());
    }

    @Test
    void candidates_are_undecided_options_with_at_least_two_valid_values() throws Exception {
        for (String text : List.of(STATE, COMPACT)) {
            StepState state = StepState.parse(text.getBytes(StandardCharsets.UTF_8));
            assertThat(Customer.candidates(state))
                    .extracting(StepState.OptionState::name)
                    .containsExactly("width", "opening_type", "coastal");
            assertThat(Customer.validCount(state.options().get(0))).isEqualTo(21 + 1);
            assertThat(Customer.validCount(state.options().get(1))).isEqualTo(2);
        }
    }

    @Test
    void picked_values_are_valid_and_typed_as_the_api_takes_them_in_the_compact_state_too() throws Exception {
        for (String text : List.of(STATE, COMPACT)) {
            picked_values_are_valid_and_typed(
                    StepState.parse(text.getBytes(StandardCharsets.UTF_8)).options());
        }
    }

    private static void picked_values_are_valid_and_typed(List<StepState.OptionState> options) {
        long seed = 42;
        Customer customer = customer(seed);
        Set<Long> widths = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<Boolean> flags = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            JsonNode width = customer.pickValue(options.get(0));
            assertThat(width.isIntegralNumber()).isTrue();
            long w = width.asLong();
            assertThat((w >= 400 && w <= 600 && w % 10 == 0) || w == 900)
                    .as("seed %d: %d", seed, w)
                    .isTrue();
            widths.add(w);
            JsonNode type = customer.pickValue(options.get(1));
            assertThat(type.isTextual()).isTrue();
            types.add(type.asText());
            JsonNode flag = customer.pickValue(options.get(2));
            assertThat(flag.isBoolean()).isTrue();
            flags.add(flag.asBoolean());
        }
        assertThat(widths).hasSize(22);
        assertThat(types).containsExactlyInAnyOrder("side_hung", "fixed");
        assertThat(flags).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void a_state_is_read_for_what_the_customer_needs_and_the_rest_is_skipped() throws Exception {
        String full = "{\"id\":\"abc\",\"productId\":\"p\",\"revision\":3,\"complete\":false,"
                + "\"decisions\":[{\"option\":\"glazing\",\"value\":\"double\",\"label\":\"To lag\"}],"
                + "\"options\":[{\"name\":\"width\",\"kind\":\"int\",\"label\":\"Bredde\",\"min\":400,"
                + "\"value\":1200,\"chosen\":null,\"default\":800,\"decided\":\"open\","
                + "\"valid\":[{\"from\":400,\"to\":600,\"step\":10}]}],"
                + "\"price\":{\"total\":1},\"drawing\":{\"shapes\":[{\"type\":\"rect\",\"x\":0.5}]},"
                + "\"canUndo\":true,\"upgrade\":null,\"delivery\":null}";
        StepState state = StepState.parse(full.getBytes(StandardCharsets.UTF_8));
        assertThat(state.id()).isEqualTo("abc");
        assertThat(state.revision()).isEqualTo(3);
        assertThat(state.complete()).isFalse();
        assertThat(state.canUndo()).isTrue();
        assertThat(state.decisions()).extracting(StepState.Chosen::option).containsExactly("glazing");
        assertThat(state.options().get(0).runs()).containsExactly(new StepState.Run(400, 600, 10));
        assertThat(Customer.validCount(state.options().get(0))).isEqualTo(21);
    }

    @Test
    void reading_stops_once_the_six_fields_are_read_so_price_and_drawing_are_not_tokenised() throws Exception {
        // Cut off inside the drawing: only a reader that stops after the options can read it.
        String compact = "{\"id\":\"abc\",\"revision\":2,\"complete\":true,\"canUndo\":false,\"upgrade\":null,"
                + "\"decisions\":[],\"options\":[{\"name\":\"glazing\",\"kind\":\"enum\",\"decided\":\"open\","
                + "\"valid\":[\"double\"]}],\"price\":{\"total\":1},\"drawing\":{\"shapes\":[{\"x\":";
        StepState state = StepState.parse(compact.getBytes(StandardCharsets.UTF_8));
        assertThat(state.id()).isEqualTo("abc");
        assertThat(state.revision()).isEqualTo(2);
        assertThat(state.complete()).isTrue();
        assertThat(state.options()).extracting(StepState.OptionState::name).containsExactly("glazing");
    }

    @Test
    void percentiles_are_nearest_rank_in_milliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertThat(HttpBenchmark.percentile(nanos, 0.50)).isEqualTo(50.0);
        assertThat(HttpBenchmark.percentile(nanos, 0.95)).isEqualTo(95.0);
        assertThat(HttpBenchmark.percentile(new long[0], 0.95)).isEqualTo(0.0);
    }
}
