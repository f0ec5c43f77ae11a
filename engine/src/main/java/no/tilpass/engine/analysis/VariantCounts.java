package no.tilpass.engine.analysis;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The number of valid configurations (variants) extending some decisions, in total and per option value.
 * Every variant takes exactly one value of each option, so the counts of one option's values sum to
 * {@code total}.
 *
 * @param total variants extending the decisions
 * @param perValue for every option value, in option and value order, the variants that take it
 */
public record VariantCounts(BigInteger total, Map<OptionValue, BigInteger> perValue) {
    public VariantCounts {
        perValue = Collections.unmodifiableMap(new LinkedHashMap<>(perValue));
    }
}
