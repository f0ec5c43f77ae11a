package no.tilpass.engine.analysis;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import no.tilpass.engine.space.Cnf;

/**
 * An exact model counter: the number of models of {@code cnf} that satisfy every literal of {@code
 * assumptions}. {@code no.tilpass.engine.counting.ModelCounter::count} fits; {@code
 * VariantCounter.of(ModelCounter::count, ModelCounter::countPerLiteral)} also uses its per-literal counts.
 */
@FunctionalInterface
public interface VariantCounter {
    BigInteger count(Cnf cnf, int[] assumptions);

    /**
     * For each of {@code literals}, the number of models with {@code assumptions} and that literal true.
     * By default one {@link #count} per literal; counters that share work between literals override it.
     */
    default BigInteger[] countPerLiteral(Cnf cnf, int[] assumptions, int[] literals) {
        BigInteger[] out = new BigInteger[literals.length];
        int[] withLiteral = Arrays.copyOf(assumptions, assumptions.length + 1);
        for (int i = 0; i < literals.length; i++) {
            withLiteral[assumptions.length] = literals[i];
            out[i] = count(cnf, withLiteral.clone());
        }
        return out;
    }

    /** Per-literal counts, as {@code ModelCounter::countPerLiteral}. */
    @FunctionalInterface
    interface PerLiteral {
        BigInteger[] countPerLiteral(Cnf cnf, int[] assumptions, int[] literals);
    }

    /** A counter that counts totals with {@code total} and per-literal counts with {@code perLiteral}. */
    static VariantCounter of(VariantCounter total, PerLiteral perLiteral) {
        Objects.requireNonNull(total);
        Objects.requireNonNull(perLiteral);
        return new VariantCounter() {
            @Override
            public BigInteger count(Cnf cnf, int[] assumptions) {
                return total.count(cnf, assumptions);
            }

            @Override
            public BigInteger[] countPerLiteral(Cnf cnf, int[] assumptions, int[] literals) {
                return perLiteral.countPerLiteral(cnf, assumptions, literals);
            }
        };
    }
}
