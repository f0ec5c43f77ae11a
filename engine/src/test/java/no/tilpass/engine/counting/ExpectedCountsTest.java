package no.tilpass.engine.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import no.tilpass.engine.dimacs.DimacsReader;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.LoadResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The counter against the published exact counts of the shared feature models. */
class ExpectedCountsTest {
    private static final Path CONFIGURATION =
            Path.of(System.getProperty("tilpass.shared", "../shared"), "bench-data", "configuration");

    /** The DIMACS rows of expected-counts.tsv: file and exact count. */
    static Stream<String[]> dimacsRows() throws IOException {
        List<String> lines = Files.readAllLines(CONFIGURATION.resolve("expected-counts.tsv"), StandardCharsets.UTF_8);
        return lines.stream()
                .skip(1)
                .map(line -> line.split("\t"))
                .filter(row -> row.length >= 2 && row[0].endsWith(".dimacs"));
    }

    static Cnf read(String relative) {
        LoadResult result = DimacsReader.read(CONFIGURATION.resolve(relative));
        assertThat(result).as(relative).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).space().cnf();
    }

    @Test
    void the_expected_counts_file_lists_the_seven_dimacs_models() throws IOException {
        assertThat(dimacsRows().count()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dimacsRows")
    void the_count_equals_the_published_exact_count(String file, String expected) {
        Cnf cnf = read(file);
        CountResult result = ModelCounter.count(cnf, new int[0], CountBudget.ofTime(Duration.ofMinutes(2)));
        assertThat(result).as(file).isEqualTo(new CountResult.Exact(new BigInteger(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dimacsRows")
    void counts_under_each_literal_of_a_variable_add_up_to_the_total(String file, String expected) {
        Cnf cnf = read(file);
        ModelCounter counter = ModelCounter.of(cnf);
        int[] literals = {1, -1, cnf.variableCount() / 2, -(cnf.variableCount() / 2)};
        BigInteger[] split = counter.countPerLiteral(new int[0], literals);
        assertThat(split[0].add(split[1])).as(file + " on variable 1").isEqualTo(new BigInteger(expected));
        assertThat(split[2].add(split[3]))
                .as(file + " on variable " + literals[2])
                .isEqualTo(new BigInteger(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dimacsRows")
    void counts_per_literal_from_one_trace_equal_separate_counts(String file, String expected) {
        Cnf cnf = read(file);
        int n = cnf.variableCount();
        int[] literals = {2, -3, n / 3, -(n / 2), n - 1, -n};
        int[] assumptions = {n / 4};
        BigInteger[] traced = ModelCounter.countPerLiteral(cnf, assumptions, literals);
        for (int i = 0; i < literals.length; i++) {
            assertThat(traced[i])
                    .as(file + " literal " + literals[i])
                    .isEqualTo(ModelCounter.count(cnf, new int[] {n / 4, literals[i]}));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dimacsRows")
    void a_one_megabyte_cache_still_gives_the_published_count(String file, String expected) {
        Cnf cnf = read(file);
        assertThat(ModelCounter.of(cnf, 1).count(new int[0])).as(file).isEqualTo(new BigInteger(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largerModels")
    void larger_models_are_counted_consistently(String file) {
        Assumptions.assumeTrue(Boolean.getBoolean("tilpass.slow"), "slow suite: -Dtilpass.slow=true");
        Cnf cnf = read(file);
        ModelCounter counter = ModelCounter.of(cnf);
        CountResult total = counter.count(new int[0], CountBudget.ofTime(Duration.ofMinutes(2)));
        assertThat(total).as(file).isInstanceOf(CountResult.Exact.class);
        BigInteger count = ((CountResult.Exact) total).count();
        assertThat(count.signum()).as(file).isPositive();
        int v = cnf.variableCount() / 3;
        BigInteger[] split = counter.countPerLiteral(new int[0], new int[] {v, -v});
        assertThat(split[0].add(split[1])).as(file + " on variable " + v).isEqualTo(count);
    }

    static Stream<String> largerModels() {
        return Stream.of("feature-models/automotive01.dimacs", "feature-models/ecos-i386pc_cdl.dimacs");
    }
}
