package no.tilpass.engine.analysis;

import java.math.BigInteger;
import no.tilpass.engine.space.Cnf;

/**
 * An exact model counter: the number of models of {@code cnf} that satisfy every literal of {@code
 * assumptions}. {@code no.tilpass.engine.counting.ModelCounter::count} fits.
 */
@FunctionalInterface
public interface VariantCounter {
    BigInteger count(Cnf cnf, int[] assumptions);
}
