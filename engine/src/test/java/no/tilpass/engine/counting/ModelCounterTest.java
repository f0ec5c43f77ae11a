package no.tilpass.engine.counting;

import static no.tilpass.engine.testsupport.Literals.plus;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import no.tilpass.engine.space.Cnf;
import org.junit.jupiter.api.Test;

class ModelCounterTest {

    /** Random CNF over {@code vars} variables; some variables may stay unused. */
    static Cnf randomCnf(Random random, int vars, int clauseCount, int maxWidth) {
        List<int[]> clauses = new ArrayList<>();
        List<Integer> rules = new ArrayList<>();
        int used = Math.max(1, vars - random.nextInt(3));
        for (int i = 0; i < clauseCount; i++) {
            int width = 1 + random.nextInt(maxWidth);
            if (random.nextInt(10) > 0 && width == 1) {
                width = 2;
            }
            int[] clause = new int[width];
            for (int k = 0; k < width; k++) {
                int v = 1 + random.nextInt(used);
                clause[k] = random.nextBoolean() ? v : -v;
            }
            clauses.add(clause);
            rules.add(i);
        }
        return Cnf.of(vars, clauses, rules);
    }

    static BigInteger bruteForce(Cnf cnf, int[] assumptions) {
        int n = cnf.variableCount();
        long count = 0;
        outer:
        for (long bits = 0; bits < (1L << n); bits++) {
            for (int lit : assumptions) {
                if (!holds(bits, lit)) {
                    continue outer;
                }
            }
            for (int[] clause : cnf.clauses()) {
                boolean sat = false;
                for (int lit : clause) {
                    if (holds(bits, lit)) {
                        sat = true;
                        break;
                    }
                }
                if (!sat) {
                    continue outer;
                }
            }
            count++;
        }
        return BigInteger.valueOf(count);
    }

    private static boolean holds(long bits, int lit) {
        boolean value = ((bits >>> (Math.abs(lit) - 1)) & 1) != 0;
        return lit > 0 == value;
    }

    private static int[] randomAssumptions(Random random, int vars) {
        int k = random.nextInt(4);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int v = 1 + random.nextInt(vars);
            out[i] = random.nextBoolean() ? v : -v;
        }
        return out;
    }

    /** Each count is the brute-force count under the assumptions and that literal. */
    private static void assertCountsPerLiteral(
            long seed, Cnf cnf, int[] assumptions, int[] literals, BigInteger[] counts) {
        for (int i = 0; i < literals.length; i++) {
            assertThat(counts[i])
                    .as("seed %d literal %d assumptions %s", seed, literals[i], Arrays.toString(assumptions))
                    .isEqualTo(bruteForce(cnf, plus(assumptions, literals[i])));
        }
    }

    @Test
    void counts_equal_brute_force_on_seeded_random_cnfs() {
        for (long seed = 1; seed <= 600; seed++) {
            Random random = new Random(seed);
            int vars = 1 + random.nextInt(16);
            double density = 0.5 + random.nextDouble() * 5;
            int clauseCount = (int) Math.round(vars * density * random.nextDouble());
            Cnf cnf = randomCnf(random, vars, clauseCount, 1 + random.nextInt(5));
            int[] assumptions = randomAssumptions(random, vars);
            assertThat(ModelCounter.count(cnf, assumptions))
                    .as("seed %d, %s, assumptions %s", seed, cnf, Arrays.toString(assumptions))
                    .isEqualTo(bruteForce(cnf, assumptions));
            assertThat(ModelCounter.count(cnf))
                    .as("seed %d, %s, no assumptions", seed, cnf)
                    .isEqualTo(bruteForce(cnf, new int[0]));
        }
    }

    @Test
    void a_reused_counter_keeps_counts_right_under_changing_assumptions() {
        for (long seed = 1; seed <= 150; seed++) {
            Random random = new Random(seed * 7919);
            int vars = 4 + random.nextInt(13);
            Cnf cnf = randomCnf(random, vars, random.nextInt(3 * vars), 3);
            ModelCounter counter = ModelCounter.of(cnf);
            for (int round = 0; round < 6; round++) {
                int[] assumptions = randomAssumptions(random, vars);
                assertThat(counter.count(assumptions))
                        .as("seed %d round %d, assumptions %s", seed, round, Arrays.toString(assumptions))
                        .isEqualTo(bruteForce(cnf, assumptions));
            }
        }
    }

    @Test
    void count_per_literal_equals_brute_force_for_each_literal() {
        for (long seed = 1; seed <= 100; seed++) {
            Random random = new Random(seed * 31);
            int vars = 2 + random.nextInt(12);
            Cnf cnf = randomCnf(random, vars, random.nextInt(3 * vars), 3);
            int[] assumptions = randomAssumptions(random, vars);
            int[] literals = new int[2 * vars];
            for (int v = 1; v <= vars; v++) {
                literals[2 * v - 2] = v;
                literals[2 * v - 1] = -v;
            }
            BigInteger[] counts = ModelCounter.countPerLiteral(cnf, assumptions, literals);
            assertCountsPerLiteral(seed, cnf, assumptions, literals, counts);
        }
    }

    @Test
    void a_tiny_cache_that_evicts_all_the_time_still_counts_right() {
        for (long seed = 1; seed <= 150; seed++) {
            Random random = new Random(seed * 104729);
            int vars = 6 + random.nextInt(11);
            Cnf cnf = randomCnf(random, vars, vars + random.nextInt(2 * vars), 3);
            ComponentCounter tiny = new ComponentCounter(cnf, 200);
            for (int round = 0; round < 3; round++) {
                int[] assumptions = randomAssumptions(random, vars);
                assertThat(tiny.count(assumptions, Long.MAX_VALUE, Long.MAX_VALUE))
                        .as("seed %d round %d, assumptions %s", seed, round, Arrays.toString(assumptions))
                        .isEqualTo(bruteForce(cnf, assumptions));
            }
        }
    }

    @Test
    void long_chains_recurse_deeply_without_caller_stack_settings() {
        // (x1 or x2), (x2 or x3), ...: strings without two adjacent zeros, Fibonacci(n + 2) of them
        for (int n : new int[] {500, 9000}) {
            BigInteger a = BigInteger.ONE;
            BigInteger b = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                BigInteger next = a.add(b);
                a = b;
                b = next;
            }
            assertThat(ModelCounter.count(chain(n))).as("chain of %d", n).isEqualTo(b);
        }
    }

    @Test
    void count_per_literal_without_room_for_a_trace_counts_each_literal_alone() {
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed * 17);
            int vars = 2 + random.nextInt(12);
            Cnf cnf = randomCnf(random, vars, random.nextInt(3 * vars), 3);
            int[] assumptions = randomAssumptions(random, vars);
            int[] literals = {1, -vars, vars, -1, 1};
            BigInteger[] counts = ModelCounter.of(cnf, 0).countPerLiteral(assumptions, literals);
            assertCountsPerLiteral(seed, cnf, assumptions, literals, counts);
        }
    }

    @Test
    void count_per_literal_within_a_budget_gives_up_or_equals_the_unlimited_counts() {
        Cnf cnf = chain(16);
        int[] literals = {1, -1, 8, -8, 16};
        List<CountResult> tiny =
                ModelCounter.of(cnf).countPerLiteral(new int[0], literals, new CountBudget(Duration.ofMinutes(1), 1));
        assertThat(tiny).hasSize(5).allMatch(r -> r instanceof CountResult.GaveUp);
        List<CountResult> tinyOneByOne = ModelCounter.of(cnf, 0)
                .countPerLiteral(new int[0], literals, new CountBudget(Duration.ofMinutes(1), 3));
        assertThat(tinyOneByOne).anyMatch(r -> r instanceof CountResult.GaveUp);
        List<CountResult> ample = ModelCounter.of(cnf, 0)
                .countPerLiteral(new int[0], literals, CountBudget.ofTime(Duration.ofMinutes(1)));
        for (int i = 0; i < literals.length; i++) {
            assertThat(ample.get(i))
                    .as("literal %d", literals[i])
                    .isEqualTo(new CountResult.Exact(bruteForce(cnf, new int[] {literals[i]})));
        }
    }

    @Test
    void unused_variables_double_the_count_and_empty_cnfs_count_every_assignment() {
        Cnf none = Cnf.of(70, List.of(), List.of());
        assertThat(ModelCounter.count(none)).isEqualTo(BigInteger.ONE.shiftLeft(70));
        Cnf one = Cnf.of(5, List.of(new int[] {1, 2}), List.of(0));
        assertThat(ModelCounter.count(one)).isEqualTo(BigInteger.valueOf(3 * 8));
        assertThat(ModelCounter.count(Cnf.of(0, List.of(), List.of()))).isEqualTo(BigInteger.ONE);
    }

    @Test
    void an_empty_clause_or_contradicting_assumptions_give_zero() {
        Cnf empty = Cnf.of(3, List.of(new int[] {1, 2}, new int[0]), List.of(0, 1));
        assertThat(ModelCounter.count(empty)).isZero();
        Cnf plain = Cnf.of(3, List.of(new int[] {1, 2}), List.of(0));
        assertThat(ModelCounter.count(plain, new int[] {3, -3})).isZero();
        assertThat(ModelCounter.count(plain, new int[] {-1, -2})).isZero();
    }

    @Test
    void the_counter_never_modifies_the_cnf() {
        for (long seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            Cnf cnf = randomCnf(random, 14, 40, 5);
            int[][] before = Arrays.stream(cnf.clauses()).map(int[]::clone).toArray(int[][]::new);
            int[] assumptions = {1, -2};
            int[] assumptionsBefore = assumptions.clone();
            ModelCounter.count(cnf, assumptions);
            ModelCounter.countPerLiteral(cnf, assumptions, new int[] {3, -4});
            assertThat(cnf.clauses()).as("seed %d", seed).isDeepEqualTo(before);
            assertThat(assumptions).isEqualTo(assumptionsBefore);
        }
    }

    /** Clauses (x1 or x2), (x2 or x3), ...: one component that needs decisions. */
    private static Cnf chain(int vars) {
        List<int[]> clauses = new ArrayList<>();
        List<Integer> rules = new ArrayList<>();
        for (int v = 1; v < vars; v++) {
            clauses.add(new int[] {v, v + 1});
            rules.add(v - 1);
        }
        return Cnf.of(vars, clauses, rules);
    }

    @Test
    void a_tiny_decision_budget_gives_up_and_a_large_one_is_exact() {
        Cnf cnf = chain(16);
        CountResult tiny = ModelCounter.count(cnf, new int[0], new CountBudget(Duration.ofMinutes(1), 0));
        assertThat(tiny).isInstanceOf(CountResult.GaveUp.class);
        CountResult ample = ModelCounter.count(cnf, new int[0], CountBudget.ofTime(Duration.ofMinutes(1)));
        assertThat(ample).isEqualTo(new CountResult.Exact(bruteForce(cnf, new int[0])));
    }

    @Test
    void a_reused_counter_still_counts_after_giving_up() {
        Cnf cnf = chain(16);
        ModelCounter counter = ModelCounter.of(cnf);
        assertThat(counter.count(new int[] {-1}, new CountBudget(Duration.ofMinutes(1), 1)))
                .isInstanceOf(CountResult.GaveUp.class);
        assertThat(counter.count(new int[] {1})).isEqualTo(bruteForce(cnf, new int[] {1}));
        assertThat(counter.count(new int[0])).isEqualTo(bruteForce(cnf, new int[0]));
    }

    @Test
    void literals_outside_the_variables_are_rejected() {
        Cnf plain = Cnf.of(3, List.of(new int[] {1, 2}), List.of(0));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ModelCounter.count(plain, new int[] {4}))
                .withMessageContaining("outside variables 1..3");
    }
}
