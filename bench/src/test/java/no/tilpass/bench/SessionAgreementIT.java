package no.tilpass.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.load.ModelFiles;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * Random sessions on every shared model: the configurator's domains equal the plain Sat4j witness
 * baseline's at every step. Linux is too large for the baseline; there, sampled values are checked one
 * by one with Sat4j.
 */
class SessionAgreementIT {
    private static final Path CONFIGURATION =
            Path.of(System.getProperty("tilpass.shared", "../../shared")).resolve("bench-data/configuration");
    private static final boolean SLOW = Boolean.getBoolean("tilpass.slow");
    private static final String LINUX = "feature-models/linux_nieke2022-7c08c9ae0c.dimacs";

    static Stream<String> models() throws IOException {
        List<String> models = new ArrayList<>();
        models.add("renault");
        try (Stream<Path> files = Files.list(CONFIGURATION.resolve("feature-models"))) {
            files.map(p -> "feature-models/" + p.getFileName())
                    .filter(n -> n.endsWith(".dimacs") || n.endsWith(".uvl"))
                    .filter(n -> !n.equals(LINUX))
                    .sorted()
                    .forEach(models::add);
        }
        try (Stream<Path> files = Files.list(CONFIGURATION.resolve("small"))) {
            files.map(p -> "small/" + p.getFileName()).sorted().forEach(models::add);
        }
        return models.stream();
    }

    private static SolutionSpace load(String model) {
        LoadResult result = ModelFiles.load(CONFIGURATION.resolve(model));
        assertThat(result).as(model).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).space();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void domains_equal_the_sat4j_baseline_at_every_step_of_random_sessions(String model) {
        boolean large = model.contains("erp_system") || model.contains("automotive01");
        assumeTrue(SLOW || !large, "slow suite: -Dtilpass.slow=true");
        SolutionSpace space = load(model);
        for (long seed = 1; seed <= 2; seed++) {
            SessionReport report = SessionBenchmark.run(space, 0, large ? 4 : 8, seed, true);
            assertThat(report.agree())
                    .as("%s seed %d: configurator and Sat4j baseline disagree", model, seed)
                    .isTrue();
        }
    }

    @Test
    void on_linux_every_sampled_value_is_valid_exactly_when_sat4j_finds_a_configuration_with_it()
            throws ContradictionException, TimeoutException {
        assumeTrue(SLOW, "slow suite: -Dtilpass.slow=true");
        SolutionSpace space = load(LINUX);
        long seed = 20261123L;
        Random random = new Random(seed);
        ISolver oracle = SolverFactory.newDefault();
        oracle.newVar(space.cnf().variableCount());
        for (int[] clause : space.cnf().clauses()) {
            oracle.addClause(new VecInt(clause));
        }
        Configurator configurator = new Configurator(space);
        List<Integer> decisions = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            DomainResult result = configurator.domains(
                    decisions.stream().mapToInt(Integer::intValue).toArray());
            assertThat(result).as("seed %d step %d", seed, step).isInstanceOf(DomainResult.Consistent.class);
            DomainResult.Consistent domains = (DomainResult.Consistent) result;
            List<int[]> open = new ArrayList<>();
            for (int sample = 0; sample < 60; sample++) {
                int o = random.nextInt(space.options().size());
                Option option = space.options().get(o);
                int value = random.nextInt(option.valueCount());
                boolean valid = contains(domains.valid(o), value);
                int[] assumptions = new int[decisions.size() + 1];
                for (int i = 0; i < decisions.size(); i++) {
                    assumptions[i] = decisions.get(i);
                }
                assumptions[decisions.size()] = option.literal(value);
                assertThat(valid)
                        .as(
                                "seed %d step %d: %s=%s",
                                seed, step, option.name(), option.values().get(value))
                        .isEqualTo(oracle.isSatisfiable(new VecInt(assumptions)));
                if (domains.valid(o).length >= 2) {
                    open.add(new int[] {o, domains.valid(o)[random.nextInt(domains.valid(o).length)]});
                }
            }
            if (open.isEmpty()) {
                break;
            }
            int[] pick = open.get(random.nextInt(open.size()));
            decisions.add(space.options().get(pick[0]).literal(pick[1]));
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
