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
        assertThat(out.toString()).contains("--port", "--data", "--db", "--db-user", "--db-password");
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
}
