package no.tilpass.engine.cutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every tenth instance of bench-data/production/cutting/bounds.csv (159 of 1,587, all sets), 5 s each:
 * every packing is valid and the proven optimum is reached on all but at most 1 % (+1) of them. The
 * full-suite figure comes from {@code ./tilpass bench cutting-suite}. Slow: -Dtilpass.slow=true.
 */
class BinPackerBoundsIT {
    private static final int STRIDE = 10;
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private static Path production() {
        return Path.of(System.getProperty("tilpass.shared", "../../shared")).resolve("bench-data/production");
    }

    @Test
    void a_deterministic_sample_of_the_benchmark_reaches_the_proven_optimum() throws IOException {
        assumeTrue(Boolean.getBoolean("tilpass.slow"), "slow suite: -Dtilpass.slow=true");
        Path csv = production().resolve("cutting/bounds.csv");
        assumeTrue(Files.isRegularFile(csv), "shared bench data not found at " + csv);
        List<String> rows = Files.readAllLines(csv);
        List<String> misses = new ArrayList<>();
        int sampled = 0;
        for (int i = 1; i < rows.size(); i += STRIDE) {
            String[] f = rows.get(i).split(",");
            List<String> lines = Files.readAllLines(production().resolve(f[7])).stream()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty())
                    .toList();
            int n = Integer.parseInt(lines.get(0));
            int capacity = Integer.parseInt(lines.get(1));
            int[] sizes = new int[n];
            for (int k = 0; k < n; k++) {
                sizes[k] = Integer.parseInt(lines.get(2 + k).split("\\s+")[0]);
            }
            int optimum = Integer.parseInt(f[5]);
            Packing packing = BinPacker.pack(sizes, capacity, LIMIT, 1);
            BinPackerTest.assertValid(sizes, capacity, packing, f[0]);
            assertThat(packing.lowerBound()).as(f[0] + " lower bound").isLessThanOrEqualTo(optimum);
            if (packing.binCount() != optimum) {
                misses.add(f[0] + " bars " + packing.binCount() + " optimum " + optimum);
            }
            sampled++;
        }
        System.out.println(
                "cutting sample: " + (sampled - misses.size()) + "/" + sampled + " optimal; misses " + misses);
        assertThat(misses.size()).as("misses " + misses).isLessThanOrEqualTo(sampled / 100 + 1);
    }
}
