package no.tilpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CuttingBenchCommandsTest {

    @Test
    void bench_cutting_ends_with_the_json_line_and_writes_the_plan(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("six.txt");
        // 8 items, capacity 10: 6+4, 5+5, 3+3+2+2 -> 3 bars, and the lower bound is 3
        Files.writeString(file, "8\n10\n6\n4\n5\n5\n3\n3\n2\n2\n");
        Path plan = dir.resolve("plan.json");
        CliRun run = CliRun.of("bench", "cutting", file.toString(), "--seconds", "2", "--out", plan.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lastLine()).matches("\\{\"bars\":3,\"lower_bound\":3,\"seconds\":[0-9.]+}");
        String json = Files.readString(plan).trim();
        assertThat(json).startsWith("{\"bars\":[[").endsWith("]]}");
        for (int i = 0; i < 8; i++) {
            assertThat(json).containsPattern("[\\[,]" + i + "[\\],]");
        }
    }

    @Test
    void a_piece_longer_than_the_bar_is_rejected_with_its_line_and_a_maybe(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("long.txt");
        Files.writeString(file, "2\n100\n50\n120\n");
        CliRun run = CliRun.of("bench", "cutting", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("long.txt:4")
                .contains("120")
                .contains("Maybe")
                .doesNotContain("Exception");
    }

    @Test
    void the_suite_without_its_data_says_where_it_looked(@TempDir Path dir) {
        CliRun run = CliRun.of("bench", "cutting-suite", "--data", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("bounds.csv").contains("Maybe");
    }
}
