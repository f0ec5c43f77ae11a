package no.tilpass.engine.clib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testing.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClibReaderTest {
    @TempDir
    Path dir;

    private LoadResult read(String domains, String... tables) throws IOException {
        Files.writeString(dir.resolve("domains.txt"), domains);
        Files.createDirectories(dir.resolve("rules"));
        for (int i = 0; i < tables.length; i++) {
            Files.writeString(dir.resolve("rules").resolve(String.format("t%02d.pm", i + 1)), tables[i]);
        }
        return ClibReader.read(dir);
    }

    @Test
    void a_configuration_matches_one_tuple_of_every_table() throws IOException {
        LoadResult r = read(
                "Color : Red, Blue, Green\nSize : S, M\nTrim : Base, Sport\n",
                "or(\nColor = Red  and Size = S\nColor = Blue and Size = S\nColor = Blue and Size = M\nor)",
                "or(\nSize = M and Trim = Sport\nor(\nSize = S and Trim = Base\nor)\nor)\n");
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        SolutionSpace s = ((LoadResult.Loaded) r).space();
        assertThat(s.rules().get(0).id()).isEqualTo("t01.pm");
        assertThat(s.rules().get(0).explanation()).isEqualTo("allowed combinations of Color, Size");
        // (Red,S,Base) (Blue,S,Base) (Blue,M,Sport)
        assertThat(Oracles.count(s.cnf(), 100_000)).contains(BigInteger.valueOf(3));
    }

    @Test
    void compression_covers_exactly_the_allowed_tuples_on_random_tables() {
        long seed = 5L;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int cols = 1 + random.nextInt(4);
            int[] size = new int[cols];
            for (int j = 0; j < cols; j++) {
                size[j] = 1 + random.nextInt(70);
            }
            List<int[]> tuples = new ArrayList<>();
            Set<List<Integer>> allowed = new HashSet<>();
            for (int t = 0; t < random.nextInt(60); t++) {
                int[] tuple = new int[cols];
                List<Integer> key = new ArrayList<>();
                for (int j = 0; j < cols; j++) {
                    tuple[j] = random.nextInt(Math.min(size[j], 3));
                    key.add(tuple[j]);
                }
                tuples.add(tuple);
                allowed.add(key);
            }
            Set<List<Integer>> covered = new HashSet<>();
            int total = 0;
            for (BitSet[] row : TableEncoder.compress(tuples, size)) {
                List<List<Integer>> product = new ArrayList<>(List.of(List.of()));
                for (int j = 0; j < cols; j++) {
                    List<List<Integer>> next = new ArrayList<>();
                    for (List<Integer> prefix : product) {
                        for (int v = row[j].nextSetBit(0); v >= 0; v = row[j].nextSetBit(v + 1)) {
                            List<Integer> k = new ArrayList<>(prefix);
                            k.add(v);
                            next.add(k);
                        }
                    }
                    product = next;
                }
                total += product.size();
                covered.addAll(product);
            }
            assertThat(covered).as("seed %d round %d", seed, round).isEqualTo(allowed);
            assertThat(total)
                    .as("rows are disjoint, seed %d round %d", seed, round)
                    .isEqualTo(allowed.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            unknown variable     | or(\\nColour = Red and Size = S\\nor)  | t01.pm | 2 | 1  | unknown variable 'Colour' | 'Color'
            unknown value        | or(\\nColor = Rde and Size = S\\nor)   | t01.pm | 2 | 9  | Color has no value 'Rde' | 'Red'
            missing equals       | or(\\nColor Red and Size = S\\nor)     | t01.pm | 2 | 7  | expected '=' after Color | Var1 = a
            missing and          | or(\\nColor = Red Size = S\\nor)       | t01.pm | 2 | 13 | expected 'and' but found 'Size' | with 'and'
            variable twice       | or(\\nColor = Red and Color = Blue\\nor) | t01.pm | 2 | 17 | appears twice | one 'Color
            missing or(          | Color = Red\\nor)                     | t01.pm | 1 | 1  | before 'or(' | 'or('
            truncated table      | or(\\nColor = Red and Size = S\\n      | t01.pm | 2 | 0  | not closed by 'or)' | 'or)'
            text after the table | or(\\nColor = Red\\nor)\\nColor = Red\\n | t01.pm | 4 | 1 | text after the 'or)' | own .pm
            """)
    void malformed_tables_fail_with_file_line_column_and_a_maybe(
            String what, String table, String file, int line, int column, String message, String maybe)
            throws IOException {
        LoadResult r = read("Color : Red, Blue\nSize : S, M\n", table.replace("\\n", "\n"));
        assertThat(r).as(what).isInstanceOf(LoadResult.Failed.class);
        Diagnostic d = ((LoadResult.Failed) r).errors().get(0);
        assertThat(d.file()).endsWith(file);
        assertThat(d.line()).as(d.format()).isEqualTo(line);
        assertThat(d.column()).as(d.format()).isEqualTo(column);
        assertThat(d.message()).contains(message);
        assertThat(d.maybe()).contains(maybe);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            no colon         | Color Red, Blue\\n          | 1 | 1  | needs ':'
            empty value      | Color : Red, , Blue\\n      | 1 | 14 | empty value
            duplicate value  | Color : Red, Red\\n         | 1 | 14 | appears twice
            duplicate var    | Color : Red\\nColor : Blue\\n | 2 | 1 | declared twice
            """)
    void malformed_domains_fail_with_line_column_and_a_maybe(
            String what, String domains, int line, int column, String message) throws IOException {
        LoadResult r = read(domains.replace("\\n", "\n"), "or(\nColor = Red\nor)\n");
        assertThat(r).as(what).isInstanceOf(LoadResult.Failed.class);
        Diagnostic d = ((LoadResult.Failed) r).errors().get(0);
        assertThat(d.file()).endsWith("domains.txt");
        assertThat(d.line()).as(d.format()).isEqualTo(line);
        assertThat(d.column()).as(d.format()).isEqualTo(column);
        assertThat(d.message()).contains(message);
        assertThat(d.maybe()).isNotBlank();
    }

    @Test
    void a_missing_directory_fails_without_an_exception() {
        LoadResult r = ClibReader.read(dir.resolve("nowhere"));
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) r).errors().get(0).maybe()).contains("domains.txt");
    }
}
