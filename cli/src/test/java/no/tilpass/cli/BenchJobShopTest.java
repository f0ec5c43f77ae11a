package no.tilpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchJobShopTest {

    @Test
    void bench_jobshop_prints_makespan_lower_bound_and_seconds_last_and_writes_the_starts(@TempDir Path dir)
            throws IOException {
        Path instance = dir.resolve("tiny.txt");
        Files.writeString(instance, "2 2\n0 3 1 2\n1 4 0 1\n");
        Path schedule = dir.resolve("schedule.json");

        CliRun run = CliRun.of(
                "bench",
                "jobshop",
                instance.toString(),
                "--seconds",
                "5",
                "--workers",
                "1",
                "--out",
                schedule.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.get(lines.size() - 1)).matches("\\{\"makespan\":6,\"lower_bound\":6,\"seconds\":[0-9.]+}");
        // Every schedule of makespan 6: job 1 takes M1 first (0-4), job 0 follows on M1 at 4; job 0's M0
        // may start at 0 or 1, job 1's M0 at 4 or 5.
        assertThat(Files.readString(schedule)).matches("\\{\"starts\":\\[\\[[01],4],\\[0,[45]]]}\n");
    }

    @Test
    void bench_jobshop_reports_a_bad_file_with_its_place_and_a_maybe_line(@TempDir Path dir) throws IOException {
        Path instance = dir.resolve("bad.txt");
        Files.writeString(instance, "2 2\n0 3 1 2\n0 x\n");

        CliRun run = CliRun.of("bench", "jobshop", instance.toString(), "--seconds", "1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("bad.txt:3:1:", "Maybe").doesNotContain("Exception");
    }

    @Test
    void bench_jobshop_suite_rejects_an_unknown_family_with_the_known_ones(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("bounds.csv"),
                "instance,family,jobs,machines,status,bks_lb,bks_ub,cpsat915_600s_ub,file\n"
                        + "tiny,tn,2,2,closed,6,6,6,tiny.txt\n");

        CliRun run = CliRun.of("bench", "jobshop-suite", "--data", dir.toString(), "--family", "ta");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--family ta", "Maybe use one of tn");
    }

    @Test
    void bench_jobshop_suite_summarises_per_family(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tiny.txt"), "2 2\n0 3 1 2\n1 4 0 1\n");
        Files.writeString(
                dir.resolve("bounds.csv"),
                "instance,family,jobs,machines,status,bks_lb,bks_ub,cpsat915_600s_ub,file\n"
                        + "tiny,tn,2,2,closed,6,6,6,tiny.txt\n"
                        + "gone,tn,2,2,closed,6,6,6,missing.txt\n");

        CliRun run = CliRun.of("bench", "jobshop-suite", "--data", dir.toString(), "--seconds", "5", "--workers", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("tiny", "makespan     6", "gap   0.00%", "gone", "ERROR");
        assertThat(run.out())
                .contains("family tn   instances  2  mean gap  0.00%  at best-known  1/1  proved optimal  1  errors 1");
        List<String> lines = run.lines();
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"families\":{\"tn\":{\"instances\":2");
    }
}
