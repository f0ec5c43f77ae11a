package no.tilpass.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static Customer customer(long seed) {
        return new Customer(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"), "p", seed, 0, 0);
    }

    @Test
    void candidates_are_undecided_options_with_at_least_two_valid_values() throws Exception {
        JsonNode state = JSON.readTree(STATE);
        assertThat(Customer.candidates(state))
                .extracting(o -> o.get("name").asText())
                .containsExactly("width", "opening_type", "coastal");
        assertThat(Customer.validCount(state.get("options").get(0))).isEqualTo(21 + 1);
    }

    @Test
    void picked_values_are_valid_and_typed_as_the_api_takes_them() throws Exception {
        JsonNode options = JSON.readTree(STATE).get("options");
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
