package no.tilpass.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.tilpass.engine.counting.ModelCounter;
import no.tilpass.engine.space.LoadResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry of the shared expected-counts table, loaded through the generic loader and counted. */
class ExpectedCountsOfEveryFormatTest {
    private static final Path CONFIGURATION =
            Path.of(System.getProperty("tilpass.shared", "../../shared")).resolve("bench-data/configuration");

    static Stream<List<String>> entries() throws IOException {
        return Files.readAllLines(CONFIGURATION.resolve("expected-counts.tsv")).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> List.of(line.split("\t")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void the_loaded_model_has_exactly_the_published_number_of_configurations(List<String> entry) {
        LoadResult result = ModelFiles.load(CONFIGURATION.resolve(entry.get(0)));

        assertThat(result).as(entry.get(0)).isInstanceOf(LoadResult.Loaded.class);
        BigInteger count =
                ModelCounter.count(((LoadResult.Loaded) result).space().cnf());
        assertThat(count).as(entry.get(0)).isEqualTo(new BigInteger(entry.get(1)));
    }
}
