package no.tilpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchHttpCommandIT {

    @Test
    void a_short_http_bench_against_an_in_process_server_makes_steps_without_errors_and_ends_with_one_json_line()
            throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Nothing listens on port 1: the bench starts a server in-process and says so.
        int exit = Main.run(
                new String[] {
                    "bench",
                    "http",
                    "--model",
                    "window",
                    "--sessions",
                    "3",
                    "--seconds",
                    "2",
                    "--warmup",
                    "0",
                    "--url",
                    "http://127.0.0.1:1",
                    "--seed",
                    "7"
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(err.toString()).contains("in-process");
        List<String> lines = out.toString().lines().toList();
        JsonNode report = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(report.get("errors").asLong()).as("stderr: %s", err).isZero();
        assertThat(report.get("sessions").asInt()).isEqualTo(3);
        assertThat(report.get("seconds").asDouble()).isEqualTo(2.0);
        assertThat(report.get("product").asText()).isEqualTo("casement_window");
        assertThat(report.get("in_process").asBoolean()).isTrue();
        // Every session created is followed by at least one step; the measured ones are a subset.
        assertThat(report.get("created").asLong()).isPositive();
        assertThat(report.get("all_steps").asLong())
                .isGreaterThanOrEqualTo(report.get("created").asLong());
        assertThat(report.get("steps").asLong())
                .isLessThanOrEqualTo(report.get("all_steps").asLong());
        assertThat(report.get("steps_per_s").asDouble())
                .isEqualTo(report.get("steps").asLong() / 2.0, org.assertj.core.data.Offset.offset(0.06));
        assertThat(report.get("p95_ms").asDouble())
                .isGreaterThanOrEqualTo(report.get("p50_ms").asDouble());
        for (String key : List.of("steps_per_s", "p50_ms", "p95_ms", "errors", "sessions", "seconds")) {
            assertThat(report.has(key)).as(key).isTrue();
        }
    }

    @Test
    void an_unknown_product_is_an_error_with_a_maybe_line() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new String[] {"bench", "http", "--model", "submarine", "--seconds", "1", "--url", "http://127.0.0.1:1"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("submarine").contains("Maybe");
    }

    @Test
    void a_production_bench_clock_that_is_not_a_date_and_time_is_refused_with_a_maybe_before_anything_starts() {
        CliRun run = CliRun.of("bench", "production", "--orders", "1", "--clock", "monday morning");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("--clock 'monday morning' is not a date and time")
                .contains("Maybe --clock 2026-12-07T08:00")
                .doesNotContain("in-process");
        assertThat(run.out()).isEmpty();
    }
}
