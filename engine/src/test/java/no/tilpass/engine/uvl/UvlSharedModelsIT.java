package no.tilpass.engine.uvl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import no.tilpass.engine.dimacs.DimacsReader;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testing.Oracles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sat4j.specs.ISolver;

class UvlSharedModelsIT {
    /** Models that take seconds rather than milliseconds to cross-check run only in the slow suite. */
    private static final List<String> SLOW = List.of("erp_system", "automotive01");

    static Stream<String> uvlFiles() throws IOException {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("small", "feature-models")) {
            try (Stream<Path> files = Files.list(Oracles.configuration(dir))) {
                files.map(p -> dir + "/" + p.getFileName())
                        .filter(n -> n.endsWith(".uvl"))
                        .sorted()
                        .forEach(names::add);
            }
        }
        return names.stream();
    }

    static Stream<String> pairedFiles() throws IOException {
        return uvlFiles().filter(n -> Files.exists(Oracles.configuration(n.replace(".uvl", ".dimacs"))));
    }

    static Stream<String[]> expectedCounts() throws IOException {
        return Files.readAllLines(Oracles.configuration("expected-counts.tsv")).stream()
                .skip(1)
                .map(l -> l.split("\t"))
                .filter(f -> f[0].endsWith(".uvl"));
    }

    private static boolean slowModel(String name) {
        return SLOW.stream().anyMatch(name::contains);
    }

    private static SolutionSpace load(String relative) {
        LoadResult r = UvlReader.read(Oracles.configuration(relative));
        assertThat(r)
                .as(() -> r instanceof LoadResult.Failed f ? f.errors().get(0).format() : "")
                .isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).space();
    }

    @ParameterizedTest
    @MethodSource("uvlFiles")
    void every_shared_uvl_model_loads_and_has_a_configuration(String relative) {
        assumeTrue(!slowModel(relative) || Oracles.slow(), "slow suite: -Dtilpass.slow=true");
        SolutionSpace space = load(relative);
        assertThat(space.options()).isNotEmpty();
        assertThat(Oracles.satisfiable(Oracles.sat4j(space.cnf()), new int[0]))
                .as("%s is satisfiable", relative)
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("expectedCounts")
    void small_models_have_the_published_number_of_configurations(String relative, String expected) {
        SolutionSpace space = load(relative);
        Optional<BigInteger> count = Oracles.count(space.cnf(), 3_000_000);
        assumeTrue(count.isPresent(), relative + " is too large for the test's plain DPLL counter");
        assertThat(count.get()).as(relative).isEqualTo(new BigInteger(expected));
    }

    @ParameterizedTest
    @MethodSource("pairedFiles")
    void uvl_and_dimacs_versions_agree_on_random_partial_configurations(String relative) {
        assumeTrue(!slowModel(relative) || Oracles.slow(), "slow suite: -Dtilpass.slow=true");
        SolutionSpace uvl = load(relative);
        LoadResult d = DimacsReader.read(Oracles.configuration(relative.replace(".uvl", ".dimacs")));
        assertThat(d).isInstanceOf(LoadResult.Loaded.class);
        SolutionSpace dimacs = ((LoadResult.Loaded) d).space();
        Map<Integer, Integer> uvlToDimacs = new LinkedHashMap<>();
        for (Option o : uvl.options()) {
            dimacs.option(o.name()).ifPresent(other -> uvlToDimacs.put(o.literal(0), other.literal(0)));
        }
        assertThat(uvlToDimacs.size())
                .as("features of %s found by name in the DIMACS version", relative)
                .isGreaterThanOrEqualTo(uvl.options().size() * 9 / 10);
        List<Integer> shared = new ArrayList<>(uvlToDimacs.keySet());
        Optional<ISolver> a = Oracles.sat4j(uvl.cnf());
        Optional<ISolver> b = Oracles.sat4j(dimacs.cnf());
        long seed = relative.hashCode();
        Random random = new Random(seed);
        for (int session = 0; session < 20; session++) {
            List<Integer> uvlLits = new ArrayList<>();
            List<Integer> dimacsLits = new ArrayList<>();
            for (int step = 0; step < 12; step++) {
                int v = shared.get(random.nextInt(shared.size()));
                boolean value = random.nextBoolean();
                uvlLits.add(value ? v : -v);
                dimacsLits.add(value ? uvlToDimacs.get(v) : -uvlToDimacs.get(v));
                boolean sa = Oracles.satisfiable(
                        a, uvlLits.stream().mapToInt(Integer::intValue).toArray());
                boolean sb = Oracles.satisfiable(
                        b, dimacsLits.stream().mapToInt(Integer::intValue).toArray());
                assertThat(sa)
                        .as("seed %d session %d step %d: UVL vs DIMACS satisfiability", seed, session, step)
                        .isEqualTo(sb);
                if (!sa) {
                    uvlLits.remove(uvlLits.size() - 1);
                    dimacsLits.remove(dimacsLits.size() - 1);
                }
            }
        }
    }
}
