package no.tilpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    @Test
    void serve_names_its_options_in_its_help() {
        StringWriter out = new StringWriter();
        int exit = Main.run(
                new String[] {"serve", "--help"},
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--port", "--data", "--db", "--db-user", "--db-password", "--clock");
    }

    @Test
    void a_port_outside_the_port_range_is_refused_with_a_maybe() {
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new String[] {"serve", "--port", "70000"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("70000").contains("Maybe --port 7070.");
    }

    @Test
    void a_clock_that_is_not_a_date_and_time_is_refused_with_a_maybe_before_anything_starts() {
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new String[] {"serve", "--port", "0", "--clock", "monday 8"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--clock 'monday 8'").contains("Maybe --clock 2026-12-07T08:00");
    }
}
