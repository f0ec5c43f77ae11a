package no.tilpass.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import no.tilpass.engine.dimacs.DimacsReader;
import no.tilpass.engine.load.ModelFiles;
import no.tilpass.engine.sat.SatResult;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.SolutionSpace;
import org.junit.jupiter.api.Test;

class ChainedCopiesTest {
    private static SolutionSpace dimacs(String text) {
        return ((LoadResult.Loaded) DimacsReader.parse("small.dimacs", text)).space();
    }

    private static boolean satisfies(Cnf cnf, boolean[] value) {
        for (int[] clause : cnf.clauses()) {
            boolean any = false;
            for (int lit : clause) {
                any |= value[Math.abs(lit)] == lit > 0;
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    @Test
    void copies_repeat_the_clauses_with_shifted_variables_and_link_neighbours_by_implications() {
        SolutionSpace space = dimacs("c 1 Frame\nc 2 Glass\np cnf 3 2\n-1 2 0\n1 3 0\n");

        SolutionSpace three = ChainedCopies.of(space, 3).orElseThrow();

        assertThat(three.cnf().variableCount()).isEqualTo(9);
        assertThat(three.options()).hasSize(9);
        assertThat(three.options().get(3).name()).isEqualTo("Frame@1");
        assertThat(three.cnf().clauseCount()).isEqualTo(3 * 2 + 2 * ChainedCopies.LINKS);
        assertThat(three.cnf().clause(2)).containsExactly(-4, 5);
        assertThat(three.cnf().clause(5)).containsExactly(7, 9);
        for (int i = 6; i < three.cnf().clauseCount(); i++) {
            int[] link = three.cnf().clause(i);
            assertThat(link).hasSize(2);
            assertThat(link[0]).isNegative();
            assertThat(link[1] - -link[0]).as(Arrays.toString(link)).isEqualTo(3);
            assertThat(three.rules().get(three.cnf().ruleOf(i)).id()).startsWith("link ");
        }
        assertThat(ChainedCopies.of(space, 1)).containsSame(space);
    }

    @Test
    void every_valid_configuration_repeated_in_every_copy_is_valid() {
        Random random = new Random(42);
        for (int seed = 0; seed < 50; seed++) {
            int n = 3 + random.nextInt(4);
            StringBuilder text = new StringBuilder("p cnf " + n + " " + 2 * n + "\n");
            for (int c = 0; c < 2 * n; c++) {
                int a = 1 + random.nextInt(n);
                int b = 1 + random.nextInt(n);
                text.append(random.nextBoolean() ? a : -a)
                        .append(' ')
                        .append(random.nextBoolean() ? b : -b)
                        .append(" 0\n");
            }
            SolutionSpace space = dimacs(text.toString());
            SolutionSpace two = ChainedCopies.of(space, 2).orElseThrow();
            List<boolean[]> models = new ArrayList<>();
            for (int mask = 0; mask < 1 << n; mask++) {
                boolean[] value = new boolean[n + 1];
                for (int v = 1; v <= n; v++) {
                    value[v] = (mask >> (v - 1) & 1) == 1;
                }
                if (satisfies(space.cnf(), value)) {
                    models.add(value);
                }
            }
            for (boolean[] model : models) {
                boolean[] twice = new boolean[2 * n + 1];
                for (int v = 1; v <= n; v++) {
                    twice[v] = model[v];
                    twice[v + n] = model[v];
                }
                assertThat(satisfies(two.cnf(), twice)).as("seed %d", seed).isTrue();
            }
            SatSolver solver = SatSolver.of(two.cnf());
            assertThat(solver.solve())
                    .as("seed %d", seed)
                    .isEqualTo(models.isEmpty() ? SatResult.UNSATISFIABLE : SatResult.SATISFIABLE);
        }
    }

    @Test
    void a_model_with_options_that_are_not_boolean_has_no_copies() {
        SolutionSpace window = ((LoadResult.Loaded) ModelFiles.load(
                        Path.of(System.getProperty("tilpass.root", "..")).resolve("models/window.tpm")))
                .space();

        assertThat(ChainedCopies.of(window, 2)).isEmpty();
    }
}
