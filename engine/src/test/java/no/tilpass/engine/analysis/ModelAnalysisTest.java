package no.tilpass.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;
import no.tilpass.engine.testsupport.BruteForce;
import no.tilpass.engine.testsupport.RandomSpaces;
import org.junit.jupiter.api.Test;

class ModelAnalysisTest {

    @Test
    void dead_and_core_values_equal_brute_force_on_random_models() {
        int withDead = 0;
        int withCore = 0;
        for (long seed = 0; seed < 500; seed++) {
            SolutionSpace space = RandomSpaces.random(new Random(seed));
            BruteForce bf = new BruteForce(space);
            String ctx = "seed " + seed + ", " + space.cnf();
            List<OptionValue> dead = new ArrayList<>();
            List<OptionValue> core = new ArrayList<>();
            for (Option o : space.options()) {
                for (int i = 0; i < o.valueCount(); i++) {
                    OptionValue v = new OptionValue(o.name(), o.values().get(i));
                    if (!bf.satisfiable(o.literal(i))) {
                        dead.add(v);
                    }
                    if (bf.satisfiable() && !bf.satisfiable(-o.literal(i))) {
                        core.add(v);
                    }
                }
            }
            Analysis analysis = ModelAnalysis.analyse(space);
            assertThat(analysis).as(ctx).isEqualTo(new Analysis(bf.satisfiable(), dead, core));
            withDead += analysis.satisfiable() && !dead.isEmpty() ? 1 : 0;
            withCore += core.isEmpty() ? 0 : 1;
        }
        assertThat(withDead).as("satisfiable models with dead values").isGreaterThan(30);
        assertThat(withCore).as("models with core values").isGreaterThan(30);
    }

    @Test
    void variant_counts_per_value_equal_brute_force_on_random_models() {
        for (long seed = 0; seed < 200; seed++) {
            Random rnd = new Random(seed);
            SolutionSpace space = RandomSpaces.random(rnd);
            BruteForce bf = new BruteForce(space);
            List<Decision> decisions = RandomSpaces.decisions(space, rnd, 2);
            String ctx = "seed " + seed + ", decisions " + decisions + ", " + space.cnf();
            int[] d = bf.literals(decisions);

            for (VariantCounter counter : List.of(
                    (VariantCounter) ModelAnalysisTest::enumerate,
                    VariantCounter.of(ModelAnalysisTest::enumerate, ModelAnalysisTest::enumeratePerLiteral))) {
                VariantCounts counts = ModelAnalysis.variantCounts(space, decisions, counter);

                assertThat(counts.total())
                        .as(ctx)
                        .isEqualTo(BigInteger.valueOf(bf.models().stream()
                                .filter(m -> BruteForce.all(m, d))
                                .count()));
                List<OptionValue> keys = new ArrayList<>();
                for (Option o : space.options()) {
                    BigInteger sum = BigInteger.ZERO;
                    for (int i = 0; i < o.valueCount(); i++) {
                        int lit = o.literal(i);
                        OptionValue v = new OptionValue(o.name(), o.values().get(i));
                        keys.add(v);
                        long expected = bf.models().stream()
                                .filter(m -> BruteForce.all(m, d) && BruteForce.holds(m, lit))
                                .count();
                        assertThat(counts.perValue().get(v)).as(ctx + ": " + v).isEqualTo(BigInteger.valueOf(expected));
                        sum = sum.add(counts.perValue().get(v));
                    }
                    assertThat(sum)
                            .as(ctx + ": values of " + o.name() + " add up")
                            .isEqualTo(counts.total());
                }
                assertThat(List.copyOf(counts.perValue().keySet())).as(ctx).isEqualTo(keys);
            }
        }
    }

    @Test
    void a_forced_option_has_a_core_value_and_dead_alternatives() {
        // a boolean "base" that every configuration has, and an enum whose first value is forbidden
        List<int[]> clauses = List.of(new int[] {1}, new int[] {2, 3}, new int[] {-2, -3}, new int[] {-2});
        List<Integer> ruleOf = List.of(0, Cnf.STRUCTURAL, Cnf.STRUCTURAL, 1);
        SolutionSpace space = new SolutionSpace(
                "forced",
                List.of(
                        Option.bool("base", 1, -1),
                        new Option(
                                "kind",
                                no.tilpass.engine.space.OptionKind.ENUM,
                                List.of("a", "b"),
                                new int[] {2, 3},
                                new int[0],
                                -1)),
                List.of(
                        new no.tilpass.engine.space.Rule("R0", "base", "Every product has a base.", ""),
                        new no.tilpass.engine.space.Rule("R1", "no a", "Kind a is discontinued.", "")),
                Cnf.of(3, clauses, ruleOf));

        assertThat(ModelAnalysis.analyse(space))
                .isEqualTo(new Analysis(
                        true,
                        List.of(new OptionValue("base", "false"), new OptionValue("kind", "a")),
                        List.of(new OptionValue("base", "true"), new OptionValue("kind", "b"))));
        assertThat(ModelAnalysis.variantCounts(space, List.of(), ModelAnalysisTest::enumerate)
                        .perValue())
                .isEqualTo(Map.of(
                        new OptionValue("base", "true"), BigInteger.ONE,
                        new OptionValue("base", "false"), BigInteger.ZERO,
                        new OptionValue("kind", "a"), BigInteger.ZERO,
                        new OptionValue("kind", "b"), BigInteger.ONE));
    }

    @Test
    void a_per_literal_counter_counts_every_value_in_one_call() {
        SolutionSpace space = RandomSpaces.random(new Random(7));
        int[] calls = new int[2];
        VariantCounter counter = VariantCounter.of(
                (cnf, assumptions) -> {
                    calls[0]++;
                    return enumerate(cnf, assumptions);
                },
                (cnf, assumptions, literals) -> {
                    calls[1]++;
                    return enumeratePerLiteral(cnf, assumptions, literals);
                });

        VariantCounts counts = ModelAnalysis.variantCounts(space, List.of(), counter);

        assertThat(calls).as(space.cnf().toString()).containsExactly(1, 1);
        assertThat(counts.perValue()).hasSize(RandomSpaces.allValues(space).size());
    }

    /** For each literal, the models with the assumptions and that literal: one enumeration, tallied. */
    private static BigInteger[] enumeratePerLiteral(Cnf cnf, int[] assumptions, int[] literals) {
        long[] tally = new long[literals.length];
        for (long m = 0; m < (1L << cnf.variableCount()); m++) {
            if (!BruteForce.all(m, assumptions) || !satisfies(cnf, m)) {
                continue;
            }
            for (int i = 0; i < literals.length; i++) {
                tally[i] += BruteForce.holds(m, literals[i]) ? 1 : 0;
            }
        }
        BigInteger[] out = new BigInteger[literals.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = BigInteger.valueOf(tally[i]);
        }
        return out;
    }

    private static boolean satisfies(Cnf cnf, long m) {
        for (int[] clause : cnf.clauses()) {
            boolean sat = false;
            for (int lit : clause) {
                sat |= BruteForce.holds(m, lit);
            }
            if (!sat) {
                return false;
            }
        }
        return true;
    }

    /** An independent counter for small CNFs: enumerates every assignment. */
    private static BigInteger enumerate(Cnf cnf, int[] assumptions) {
        int n = cnf.variableCount();
        long count = 0;
        for (long m = 0; m < (1L << n); m++) {
            if (!BruteForce.all(m, assumptions)) {
                continue;
            }
            boolean ok = true;
            for (int[] clause : cnf.clauses()) {
                boolean sat = false;
                for (int lit : clause) {
                    sat |= BruteForce.holds(m, lit);
                }
                if (!sat) {
                    ok = false;
                    break;
                }
            }
            count += ok ? 1 : 0;
        }
        return BigInteger.valueOf(count);
    }
}
