package no.tilpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private static final Path ROOT = Path.of(System.getProperty("tilpass.root", ".."));
    private static final Path SHARED = Path.of(System.getProperty("tilpass.shared", "../../shared"));
    private static final Path CONFIGURATION = SHARED.resolve("bench-data/configuration");
    private static final Path WINDOW = ROOT.resolve("models/window.tpm");

    @Test
    void check_accepts_the_shipped_window_model_and_prints_a_summary() {
        CliRun run = CliRun.of("check", WINDOW.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("options").contains("rules").contains("satisfiable: yes");
    }

    @Test
    void check_reports_a_truncated_dimacs_file_with_its_place_and_a_maybe_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("truncated.dimacs");
        Files.writeString(file, "p cnf 3 2\n1 -2 0\n2 3");
        CliRun run = CliRun.of("check", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("truncated.dimacs:").contains("Maybe").doesNotContain("Exception");
    }

    @Test
    void check_names_the_minimal_conflicting_rules_of_an_unsatisfiable_model(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("unsat.dimacs");
        Files.writeString(file, "c 1 a\nc 2 b\nc 3 c\np cnf 3 4\n1 0\n-1 2 0\n-2 0\n3 -1 0\n");
        CliRun run = CliRun.of("check", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("no valid configuration")
                .contains("clause 1")
                .contains("clause 2")
                .contains("clause 3")
                .doesNotContain("clause 4")
                .contains("Maybe");
    }

    @Test
    void a_missing_model_file_is_a_clear_error_not_a_stack_trace() {
        CliRun run = CliRun.of("check", "no/such/model.tpm");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no such file").contains("Maybe").doesNotContain("Exception");
    }

    @Test
    void count_prints_the_exact_count_as_its_last_line() {
        CliRun run =
                CliRun.of("count", CONFIGURATION.resolve("small/pizzas.uvl").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lastLine()).isEqualTo("42");
    }

    @Test
    void count_under_assumptions_counts_only_the_configurations_that_have_them() {
        Path berkeley = CONFIGURATION.resolve("feature-models/berkeleydb_splot.dimacs");
        long all = Long.parseLong(CliRun.of("count", berkeley.toString()).lastLine());
        long with = 0;
        long without = 0;
        // variable 2 is a plain optional feature somewhere in the model; both polarities add up to the total
        with = Long.parseLong(
                CliRun.of("count", berkeley.toString(), "--assume", "2").lastLine());
        without = Long.parseLong(
                CliRun.of("count", berkeley.toString(), "--assume", "-2").lastLine());
        assertThat(all).isEqualTo(32);
        assertThat(with + without).isEqualTo(all);
    }

    @Test
    void domains_as_json_names_every_option_once() {
        CliRun run =
                CliRun.of("domains", CONFIGURATION.resolve("small/pizzas.uvl").toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        String json = run.lastLine();
        assertThat(json).startsWith("{").endsWith("}").contains("\"Pizza\":[\"true\"]");
    }

    @Test
    void domains_of_the_window_print_integer_options_as_ranges() {
        CliRun run = CliRun.of("domains", WINDOW.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lastLine()).contains("{\"from\":").contains("\"step\":");
    }

    @Test
    void an_unknown_option_in_assume_gets_the_nearest_names() {
        CliRun run =
                CliRun.of("domains", CONFIGURATION.resolve("small/pizzas.uvl").toString(), "--assume", "Piza=true");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("unknown option 'Piza'")
                .contains("Maybe")
                .contains("'Pizza'");
    }

    @Test
    void conflicting_decisions_are_answered_with_a_minimal_repair() {
        CliRun run =
                CliRun.of("domains", CONFIGURATION.resolve("small/pizzas.uvl").toString(), "--assume", "Pizza=false");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("conflict").contains("undo Pizza=false");
    }

    @Test
    void explain_names_the_users_own_decisions_and_the_rules() {
        Path pizzas = CONFIGURATION.resolve("small/pizzas.uvl");
        // the model's only cross-tree constraint: CheesyCrust => Big (Size is an alternative of Normal, Big)
        CliRun run = CliRun.of(
                "explain", pizzas.toString(), "--assume", "Salami=true,Normal=true", "--why", "CheesyCrust=true");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("CheesyCrust=true is unavailable because")
                .contains("Normal=true")
                .doesNotContain("Salami=true")
                .contains("Rule");
    }

    @Test
    void bench_session_ends_with_one_json_line_that_agrees_with_the_baseline() {
        CliRun run = CliRun.of(
                "bench",
                "session",
                CONFIGURATION.resolve("feature-models/berkeleydb_splot.dimacs").toString(),
                "--steps",
                "5",
                "--seed",
                "7",
                "--baseline");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lastLine())
                .startsWith("{")
                .contains("\"steps\":")
                .contains("\"p95_ms\":")
                .contains("\"cpu_p95_ms\":")
                .contains("\"peak_heap_mb\":")
                .contains("\"speedup_p95\":")
                .contains("\"agree\":true");
    }

    @Test
    void bench_session_runs_on_chained_copies_of_a_boolean_model_and_refuses_other_models() {
        CliRun copies = CliRun.of(
                "bench",
                "session",
                CONFIGURATION.resolve("feature-models/berkeleydb_splot.dimacs").toString(),
                "--steps",
                "3",
                "--copies",
                "3");
        CliRun window = CliRun.of("bench", "session", WINDOW.toString(), "--steps", "3", "--copies", "2");

        assertThat(copies.exit()).as(copies.err()).isZero();
        assertThat(copies.out()).contains("chained copies: 3 (");
        assertThat(copies.lastLine()).startsWith("{").contains("\"steps\":3");
        assertThat(window.exit()).isEqualTo(2);
        assertThat(window.err())
                .contains("--copies 2 needs a model whose options are all boolean")
                .contains("Maybe");
    }
}
