package no.tilpass.engine.dimacs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testing.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DimacsReaderTest {

    private static Diagnostic onlyError(String text) {
        LoadResult r = DimacsReader.parse("t.cnf", text);
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        List<Diagnostic> errors = ((LoadResult.Failed) r).errors();
        assertThat(errors).hasSize(1);
        Diagnostic d = errors.get(0);
        assertThat(d.maybe()).as("a Maybe line").isNotBlank();
        assertThat(d.format()).contains("\nMaybe ").startsWith("t.cnf:");
        return d;
    }

    private static SolutionSpace loaded(String text) {
        LoadResult r = DimacsReader.parse("t.cnf", text);
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).space();
    }

    @Test
    void named_variables_become_options_and_clauses_rules() {
        SolutionSpace s = loaded("c 1 Engine\nc 2 Diesel\nc a plain comment\np cnf 3 2\n-2 1 0\n1 3\n 0\n");
        assertThat(s.options()).extracting(o -> o.name()).containsExactly("Engine", "Diesel", "3");
        assertThat(s.cnf().clauseCount()).isEqualTo(2);
        assertThat(s.cnf().clause(1)).containsExactly(1, 3);
        assertThat(s.rules().get(0).explanation()).isEqualTo("not Diesel or Engine");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            garbage token in a clause          | p cnf 3 1\\n1 x2 0\\n            | 2 | 3 | 'x2' is not a literal
            literal out of range               | p cnf 3 1\\n1 -12 0\\n           | 2 | 3 | variable 12 exceeds the 3 variables
            column after a prefix-equal token  | p cnf 20 1\\n12 1 21 0\\n        | 2 | 6 | variable 21 exceeds
            missing problem line               | c hello\\n1 2 0\\n              | 2 | 1 | '1' before the problem line
            truncated last clause              | p cnf 3 2\\n1 2 0\\n-1\\n  3\\n  | 3 | 1 | the last clause is not ended by 0
            fewer clauses than declared        | p cnf 3 3\\n1 2 0\\n-1 0\\n      | 1 | 9 | declares 3 clauses but the file has 2
            more clauses than declared         | p cnf 3 1\\n1 2 0\\n-1 0\\n      | 1 | 9 | declares 1 clauses but the file has 2
            word that is not a comment         | p cnf 3 1\\ncomment 1 0\\n1 0\\n | 2 | 1 | 'comment' is not a literal
            problem line that is not cnf       | p sat 3 1\\n1 0\\n               | 1 | 3 | not 'p cnf VARIABLES CLAUSES'
            problem line without counts        | p cnf 3\\n1 0\\n                 | 1 | 8 | lacks counts
            negative variable count            | p cnf -3 1\\n1 0\\n              | 1 | 7 | variable count '-3'
            absurd variable count              | p cnf 99999999999 1\\n1 0\\n     | 1 | 7 | variable count
            second problem line                | p cnf 3 1\\np cnf 3 1\\n1 0\\n   | 2 | 1 | a second problem line
            """)
    void malformed_files_fail_with_line_column_and_a_maybe(
            String what, String text, int line, int column, String message) {
        Diagnostic d = onlyError(text.replace("\\n", "\n"));
        assertThat(d.line()).as(what).isEqualTo(line);
        assertThat(d.column()).as(what).isEqualTo(column);
        assertThat(d.message()).as(what).contains(message);
    }

    @Test
    void an_empty_file_fails_without_an_exception() {
        Diagnostic d = onlyError("");
        assertThat(d.message()).contains("no 'p cnf' problem line");
    }

    @Test
    void a_satlib_percent_line_ends_the_clauses() {
        SolutionSpace s = loaded("p cnf 2 1\n1 -2 0\n%\n0\n\n");
        assertThat(s.cnf().clauseCount()).isEqualTo(1);
    }

    @Test
    void windows_line_ends_and_tabs_are_accepted() {
        SolutionSpace s = loaded("c 1 A\r\np\tcnf 2 1\r\n1\t-2 0\r\n");
        assertThat(s.option("A")).isPresent();
        assertThat(s.cnf().clause(0)).containsExactly(1, -2);
    }

    @Test
    void a_name_for_an_undeclared_variable_is_a_warning() {
        LoadResult r = DimacsReader.parse("t.cnf", "c 9 Ghost\np cnf 2 1\n1 0\n");
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        assertThat(((LoadResult.Loaded) r).warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("variable 9"));
    }

    @Test
    void random_garbage_never_throws() {
        long seed = 42L;
        Random random = new Random(seed);
        String alphabet = "pcnf 0123456789-\n\tx%";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "p cnf 5 3\n" : "");
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            LoadResult r = DimacsReader.parse("t.cnf", text);
            if (r instanceof LoadResult.Failed f) {
                assertThat(f.errors()).as("seed %d case %d: %s", seed, i, text).allSatisfy(d -> assertThat(d.maybe())
                        .isNotBlank());
            }
        }
    }

    @Test
    void a_small_formula_has_the_brute_force_number_of_models() {
        long seed = 7L;
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            int vars = 8;
            StringBuilder sb = new StringBuilder("p cnf " + vars + " 10\n");
            int[][] clauses = new int[10][];
            for (int c = 0; c < 10; c++) {
                clauses[c] = new int[3];
                for (int k = 0; k < 3; k++) {
                    int v = 1 + random.nextInt(vars);
                    clauses[c][k] = random.nextBoolean() ? v : -v;
                    sb.append(clauses[c][k]).append(' ');
                }
                sb.append("0\n");
            }
            int expected = 0;
            for (int m = 0; m < 1 << vars; m++) {
                boolean all = true;
                for (int[] c : clauses) {
                    boolean any = false;
                    for (int l : c) {
                        boolean value = (m >> (Math.abs(l) - 1) & 1) == 1;
                        any |= l > 0 == value;
                    }
                    all &= any;
                }
                expected += all ? 1 : 0;
            }
            assertThat(Oracles.count(loaded(sb.toString()).cnf(), 1_000_000))
                    .as("seed %d round %d", seed, round)
                    .contains(BigInteger.valueOf(expected));
        }
    }
}
