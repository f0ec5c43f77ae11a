package no.tilpass.engine.dimacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testing.Oracles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DimacsSharedModelsIT {

    static Stream<String> dimacsFiles() throws IOException {
        try (Stream<Path> files = Files.list(Oracles.configuration("feature-models"))) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".dimacs"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static SolutionSpace load(String name) {
        LoadResult r = DimacsReader.read(Oracles.configuration("feature-models/" + name));
        assertThat(r)
                .as(() -> r instanceof LoadResult.Failed f ? f.errors().get(0).format() : "")
                .isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).space();
    }

    @ParameterizedTest
    @MethodSource("dimacsFiles")
    void every_shared_dimacs_model_loads_with_its_variable_names(String name) throws IOException {
        assumeTrue(!name.startsWith("linux") || Oracles.slow(), "slow suite: -Dtilpass.slow=true");
        SolutionSpace space = load(name);
        String text = Files.readString(Oracles.configuration("feature-models/" + name));
        String problem =
                text.lines().filter(l -> l.startsWith("p ")).findFirst().orElseThrow();
        String[] counts = problem.split("\\s+");
        assertThat(space.options()).hasSize(Integer.parseInt(counts[2]));
        assertThat(space.cnf().clauseCount()).isEqualTo(Integer.parseInt(counts[3]));
        String firstName = text.lines()
                .filter(l -> l.startsWith("c 1 "))
                .findFirst()
                .orElseThrow()
                .substring(4)
                .strip();
        assertThat(space.options().get(0).name()).isEqualTo(firstName);
        assertThat(Oracles.satisfiable(Oracles.sat4j(space.cnf()), new int[0])).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dimacsFiles")
    void models_have_the_published_number_of_configurations_where_a_plain_counter_can_tell(String name)
            throws IOException {
        Map<String, String> expected = Files.readAllLines(Oracles.configuration("expected-counts.tsv")).stream()
                .skip(1)
                .map(l -> l.split("\\t"))
                .collect(Collectors.toMap(f -> f[0], f -> f[1]));
        String count = expected.get("feature-models/" + name);
        assumeTrue(count != null, "no published count for " + name);
        Optional<BigInteger> counted = Oracles.count(load(name).cnf(), 200_000);
        assumeTrue(counted.isPresent(), name + " is too large for the test's plain DPLL counter");
        assertThat(counted.get()).isEqualTo(new BigInteger(count));
    }
}
