package no.tilpass.engine.cutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinPackerTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    /** Independent check: every item exactly once, no bin over capacity. */
    static void assertValid(int[] sizes, int capacity, Packing packing, String context) {
        int[] seen = new int[sizes.length];
        for (List<Integer> bin : packing.bins()) {
            long load = 0;
            for (int item : bin) {
                assertThat(item).as(context).isBetween(0, sizes.length - 1);
                seen[item]++;
                load += sizes[item];
            }
            assertThat(load).as(context + ": bin " + bin).isLessThanOrEqualTo(capacity);
            assertThat(bin).as(context + ": empty bin").isNotEmpty();
        }
        for (int i = 0; i < seen.length; i++) {
            assertThat(seen[i]).as(context + ": item " + i + " packed once").isEqualTo(1);
        }
        assertThat(packing.lowerBound()).as(context).isLessThanOrEqualTo(packing.binCount());
    }

    /** Brute force: the fewest bins, by dynamic programming over subsets (n ≤ 12). */
    static int bruteForce(int[] sizes, int capacity) {
        int n = sizes.length;
        int full = (1 << n) - 1;
        long[] sum = new long[1 << n];
        for (int mask = 1; mask <= full; mask++) {
            int low = Integer.numberOfTrailingZeros(mask);
            sum[mask] = sum[mask & (mask - 1)] + sizes[low];
        }
        int[] best = new int[1 << n];
        Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int mask = 1; mask <= full; mask++) {
            int low = mask & -mask; // the bin holding the lowest item: any subset containing it that fits
            for (int sub = mask; sub > 0; sub = (sub - 1) & mask) {
                if ((sub & low) != 0 && sum[sub] <= capacity && best[mask ^ sub] != Integer.MAX_VALUE) {
                    best[mask] = Math.min(best[mask], best[mask ^ sub] + 1);
                }
            }
        }
        return best[full];
    }

    static int[] randomSizes(SplittableRandom random, int n, int capacity) {
        int[] sizes = new int[n];
        int style = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            sizes[i] = switch (style) {
                case 0 -> 1 + random.nextInt(capacity);
                case 1 -> capacity / 5 + random.nextInt(capacity / 2); // 2–4 per bin, hard to fill
                default -> 1 + random.nextInt(Math.max(1, capacity / 3));
            };
        }
        return sizes;
    }

    @Test
    void tiny_random_instances_get_the_brute_force_optimum_and_bounds_never_exceed_it() {
        for (long seed = 1; seed <= 150; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 1 + random.nextInt(10);
            int capacity = 10 + random.nextInt(200);
            int[] sizes = randomSizes(random, n, capacity);
            String context = "seed " + seed + " capacity " + capacity + " sizes " + Arrays.toString(sizes);
            int optimum = bruteForce(sizes, capacity);
            Packing packing = BinPacker.pack(sizes, capacity, SHORT, seed);
            assertValid(sizes, capacity, packing, context);
            assertThat(packing.binCount()).as(context).isEqualTo(optimum);
            assertThat(packing.lowerBound()).as(context).isLessThanOrEqualTo(optimum);
            int[] desc = Arrays.stream(sizes)
                    .boxed()
                    .sorted((a, b) -> b - a)
                    .mapToInt(Integer::intValue)
                    .toArray();
            assertThat(LowerBounds.martelloToth(desc, capacity)).as(context).isLessThanOrEqualTo(optimum);
            assertThat(LowerBounds.feketeSchepers(desc, capacity, 12))
                    .as(context)
                    .isLessThanOrEqualTo(optimum);
            assertThat(LowerBounds.continuous(desc, capacity)).as(context).isLessThanOrEqualTo(optimum);
            int columnBound = ColumnGeneration.bound(desc, capacity, Long.MAX_VALUE);
            assertThat(columnBound).as(context + " LP bound").isLessThanOrEqualTo(optimum);
            assertThat(columnBound)
                    .as(context + " LP bound")
                    .isGreaterThanOrEqualTo(LowerBounds.continuous(desc, capacity));
        }
    }

    @Test
    void larger_random_instances_give_valid_packings_never_below_the_lower_bound() {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom random = new SplittableRandom(1000 + seed);
            int n = 20 + random.nextInt(150);
            int capacity = 100 + random.nextInt(10_000);
            int[] sizes = randomSizes(random, n, capacity);
            String context = "seed " + (1000 + seed) + " n " + n + " capacity " + capacity;
            Packing packing = BinPacker.pack(sizes, capacity, SHORT, seed);
            assertValid(sizes, capacity, packing, context);
            if (packing.optimal()) {
                assertThat(packing.binCount()).as(context).isEqualTo(packing.lowerBound());
            }
        }
    }

    @Test
    void a_proven_optimal_packing_is_never_beaten_by_brute_force() {
        for (long seed = 200; seed < 260; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 8 + random.nextInt(5);
            int capacity = 50 + random.nextInt(100);
            int[] sizes = new int[n];
            for (int i = 0; i < n; i++) {
                sizes[i] = capacity / 4 + random.nextInt(capacity / 2);
            }
            Packing packing = BinPacker.pack(sizes, capacity, SHORT, seed);
            String context = "seed " + seed + " sizes " + Arrays.toString(sizes) + " capacity " + capacity;
            assertValid(sizes, capacity, packing, context);
            assertThat(packing.optimal()).as(context).isTrue();
            assertThat(packing.binCount()).as(context).isEqualTo(bruteForce(sizes, capacity));
        }
    }

    @Test
    void triplets_that_fill_every_bin_exactly_are_found() {
        // 12 bins of three items each summing to 1000, shuffled (Falkenauer-T style, generated here)
        SplittableRandom random = new SplittableRandom(7);
        int[] sizes = new int[36];
        for (int b = 0; b < 12; b++) {
            int a = 251 + random.nextInt(249);
            int c = 251 + random.nextInt(Math.max(1, 1000 - a - 2 * 251));
            sizes[3 * b] = a;
            sizes[3 * b + 1] = c;
            sizes[3 * b + 2] = 1000 - a - c;
        }
        Packing packing = BinPacker.pack(sizes, 1000, Duration.ofSeconds(5), 1);
        assertValid(sizes, 1000, packing, "triplets " + Arrays.toString(sizes));
        assertThat(packing.binCount()).isEqualTo(12);
        assertThat(packing.optimal()).isTrue();
    }

    @Test
    void no_items_need_no_bins_and_a_size_above_capacity_is_a_programming_error() {
        assertThat(BinPacker.pack(new int[0], 10, SHORT, 1).binCount()).isZero();
        assertThatThrownBy(() -> BinPacker.pack(new int[] {11}, 10, SHORT, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size 0 must be in 1..10");
    }
}
