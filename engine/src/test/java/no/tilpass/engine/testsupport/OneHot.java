package no.tilpass.engine.testsupport;

import java.util.List;
import java.util.stream.IntStream;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;

/** The one-hot encoding of an enum option in the hand-made spaces of the tests. */
public final class OneHot {
    private OneHot() {}

    /**
     * Adds the structural clauses that make exactly one of {@code lits} true: one clause of them all, then one
     * per pair that forbids both.
     */
    public static void exactlyOne(int[] lits, List<int[]> clauses, List<Integer> ruleOf) {
        clauses.add(lits.clone());
        ruleOf.add(Cnf.STRUCTURAL);
        for (int i = 0; i < lits.length; i++) {
            for (int j = i + 1; j < lits.length; j++) {
                clauses.add(new int[] {-lits[i], -lits[j]});
                ruleOf.add(Cnf.STRUCTURAL);
            }
        }
    }

    /**
     * An enum option whose values are the variables {@code first}, {@code first + 1}, ..., with its
     * exactly-one clauses added; {@code defaultIndex} -1 for none.
     */
    public static Option option(
            String name, List<String> values, int first, int defaultIndex, List<int[]> clauses, List<Integer> ruleOf) {
        int[] lits = IntStream.range(first, first + values.size()).toArray();
        exactlyOne(lits, clauses, ruleOf);
        return new Option(name, OptionKind.ENUM, values, lits, new int[0], defaultIndex);
    }
}
