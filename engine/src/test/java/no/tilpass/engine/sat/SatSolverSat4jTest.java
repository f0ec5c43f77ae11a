package no.tilpass.engine.sat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import no.tilpass.engine.dimacs.DimacsReader;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.LoadResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

class SatSolverSat4jTest {

    static boolean sat4j(int variables, List<int[]> clauses, int... assumptions) throws TimeoutException {
        ISolver solver = SolverFactory.newDefault();
        solver.newVar(variables);
        try {
            for (int[] clause : clauses) {
                solver.addClause(new VecInt(clause));
            }
        } catch (ContradictionException e) {
            return false;
        }
        return solver.isSatisfiable(new VecInt(assumptions));
    }

    static Path featureModels() {
        return Path.of(System.getProperty("tilpass.shared", "../shared"), "bench-data/configuration/feature-models");
    }

    @Test
    void answers_agree_with_sat4j_on_random_larger_instances_with_assumptions() throws Exception {
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(20_000 + seed);
            int n = 50 + random.nextInt(70);
            List<int[]> clauses = BruteForce.random3Sat(random, n, (int) Math.round(n * 4.2));
            SatSolver solver = new SatSolver(n);
            clauses.forEach(solver::addClause);
            for (int round = 0; round < 5; round++) {
                int[] assumptions = new int[random.nextInt(6)];
                for (int i = 0; i < assumptions.length; i++) {
                    int v = 1 + random.nextInt(n);
                    assumptions[i] = random.nextBoolean() ? v : -v;
                }
                boolean expected = sat4j(n, clauses, assumptions);
                SatResult got = solver.solve(assumptions);
                assertThat(got)
                        .as("seed %d round %d", seed, round)
                        .isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
                if (expected) {
                    assertThat(BruteForce.satisfiesAll(clauses, solver.model()))
                            .as("seed %d", seed)
                            .isTrue();
                    for (int a : assumptions) {
                        assertThat(solver.value(a)).isTrue();
                    }
                } else {
                    assertThat(sat4j(n, clauses, solver.failedAssumptions()))
                            .as("core is unsat, seed %d", seed)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void the_small_shared_feature_models_are_satisfiable_like_sat4j_says() throws Exception {
        checkSharedModels(false);
    }

    @Test
    void the_large_shared_feature_models_are_satisfiable_like_sat4j_says() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tilpass.slow"), "slow suite: -Dtilpass.slow=true");
        checkSharedModels(true);
    }

    private static void checkSharedModels(boolean large) throws Exception {
        Path dir = featureModels();
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared benchmark data missing: " + dir);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".dimacs")).sorted().toList();
        }
        int checked = 0;
        for (Path file : files) {
            boolean isLarge = Files.size(file) > 1_000_000;
            if (isLarge != large) {
                continue;
            }
            LoadResult loaded = DimacsReader.read(file);
            assertThat(loaded).as(file.toString()).isInstanceOf(LoadResult.Loaded.class);
            Cnf cnf = ((LoadResult.Loaded) loaded).space().cnf();
            List<int[]> clauses = List.of(cnf.clauses());
            boolean expected = sat4j(cnf.variableCount(), clauses);
            SatSolver solver = SatSolver.of(cnf);
            assertThat(solver.solve())
                    .as(file.toString())
                    .isEqualTo(expected ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
            if (expected) {
                assertThat(BruteForce.satisfiesAll(clauses, solver.model()))
                        .as(file.toString())
                        .isTrue();
                // a few random assumption sets on top
                Random random = new Random(file.getFileName().toString().hashCode());
                for (int round = 0; round < 5; round++) {
                    List<Integer> assume = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        int v = 1 + random.nextInt(cnf.variableCount());
                        assume.add(random.nextBoolean() ? v : -v);
                    }
                    int[] a = assume.stream().mapToInt(Integer::intValue).toArray();
                    boolean exp = sat4j(cnf.variableCount(), clauses, a);
                    assertThat(solver.solve(a))
                            .as(file + " assumptions " + assume)
                            .isEqualTo(exp ? SatResult.SATISFIABLE : SatResult.UNSATISFIABLE);
                }
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }
}
