package no.tilpass.engine.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.sat.SatResult;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Dead values, core values and variant counts of a model.
 *
 * <p>Dead and core values come from one incremental solver: every model found witnesses that each literal
 * it makes true is not dead and each literal it makes false is not core, so only literals without a
 * witness cost a SAT call (with that literal, or its negation, assumed). Between calls the solver's
 * preferred phases point at the polarities not yet witnessed, so each model tends to witness many; a
 * literal found dead or core is added as a unit clause, which speeds up the remaining calls.
 */
public final class ModelAnalysis {
    private ModelAnalysis() {}

    /** Dead and core values of {@code space}. */
    public static Analysis analyse(SolutionSpace space) {
        SatSolver s = SatSolver.of(space.cnf());
        List<OptionValue> dead = new ArrayList<>();
        List<OptionValue> core = new ArrayList<>();
        if (!satisfiable(s, new int[0])) {
            for (Option o : space.options()) {
                for (String v : o.values()) {
                    dead.add(new OptionValue(o.name(), v));
                }
            }
            return new Analysis(false, dead, core);
        }
        int n = space.cnf().variableCount();
        boolean[] seenTrue = new boolean[n + 1];
        boolean[] seenFalse = new boolean[n + 1];
        witness(s, seenTrue, seenFalse);
        boolean[] isDead = new boolean[2 * n + 2];
        for (Option o : space.options()) {
            for (int i = 0; i < o.valueCount(); i++) {
                int lit = o.literal(i);
                if (!seen(lit, seenTrue, seenFalse)) {
                    if (satisfiable(s, new int[] {lit})) {
                        witness(s, seenTrue, seenFalse);
                    } else {
                        isDead[index(lit)] = true;
                        s.addClause(-lit);
                    }
                }
                if (!seen(-lit, seenTrue, seenFalse)) {
                    if (satisfiable(s, new int[] {-lit})) {
                        witness(s, seenTrue, seenFalse);
                    } else {
                        isDead[index(-lit)] = true;
                        s.addClause(lit);
                    }
                }
            }
        }
        for (Option o : space.options()) {
            for (int i = 0; i < o.valueCount(); i++) {
                int lit = o.literal(i);
                if (isDead[index(lit)]) {
                    dead.add(new OptionValue(o.name(), o.values().get(i)));
                }
                if (isDead[index(-lit)]) {
                    core.add(new OptionValue(o.name(), o.values().get(i)));
                }
            }
        }
        return new Analysis(true, dead, core);
    }

    /**
     * The number of variants extending {@code decisions}, in total and per option value, counted by
     * {@code counter}: one {@link VariantCounter#count} for the total and, unless it is zero, one {@link
     * VariantCounter#countPerLiteral} over every value literal. With the exact counter of {@code
     * no.tilpass.engine.counting}: {@code variantCounts(space, decisions,
     * VariantCounter.of(ModelCounter::count, ModelCounter::countPerLiteral))}.
     */
    public static VariantCounts variantCounts(SolutionSpace space, List<Decision> decisions, VariantCounter counter) {
        int[] d = new int[decisions.size()];
        for (int i = 0; i < d.length; i++) {
            Decision decision = decisions.get(i);
            Option o = space.option(decision.option())
                    .orElseThrow(() -> new IllegalArgumentException("unknown option '" + decision.option() + "'"));
            int index = o.indexOf(decision.value());
            if (index < 0) {
                throw new IllegalArgumentException("option '" + o.name() + "' has no value '" + decision.value()
                        + "'; its values are " + o.values());
            }
            d[i] = o.literal(index);
        }
        BigInteger total = counter.count(space.cnf(), d.clone());
        List<OptionValue> values = new ArrayList<>();
        int[] literals =
                new int[space.options().stream().mapToInt(Option::valueCount).sum()];
        for (Option o : space.options()) {
            for (int i = 0; i < o.valueCount(); i++) {
                literals[values.size()] = o.literal(i);
                values.add(new OptionValue(o.name(), o.values().get(i)));
            }
        }
        BigInteger[] counts = total.signum() == 0 || literals.length == 0
                ? new BigInteger[0]
                : counter.countPerLiteral(space.cnf(), d.clone(), literals.clone());
        if (counts.length != 0 && counts.length != literals.length) {
            throw new IllegalStateException(
                    "the counter returned " + counts.length + " counts for " + literals.length + " literals");
        }
        Map<OptionValue, BigInteger> perValue = new LinkedHashMap<>();
        for (int k = 0; k < values.size(); k++) {
            perValue.put(values.get(k), counts.length == 0 ? BigInteger.ZERO : counts[k]);
        }
        return new VariantCounts(total, perValue);
    }

    private static boolean seen(int lit, boolean[] seenTrue, boolean[] seenFalse) {
        return lit > 0 ? seenTrue[lit] : seenFalse[-lit];
    }

    private static int index(int lit) {
        return lit > 0 ? 2 * lit : -2 * lit + 1;
    }

    /** Records the last model's literals and points the phases at polarities not yet seen. */
    private static void witness(SatSolver s, boolean[] seenTrue, boolean[] seenFalse) {
        int[] model = s.model();
        for (int v = 1; v < seenTrue.length; v++) {
            if (model[v] > 0) {
                seenTrue[v] = true;
            } else {
                seenFalse[v] = true;
            }
        }
        for (int v = 1; v < seenTrue.length; v++) {
            if (!seenTrue[v]) {
                s.setPhase(v);
            } else if (!seenFalse[v]) {
                s.setPhase(-v);
            }
        }
    }

    private static boolean satisfiable(SatSolver s, int[] assumptions) {
        SatResult result = s.solve(assumptions);
        if (result == SatResult.UNKNOWN) {
            throw new IllegalStateException("the SAT solver gave up without a conflict budget");
        }
        return result == SatResult.SATISFIABLE;
    }
}
