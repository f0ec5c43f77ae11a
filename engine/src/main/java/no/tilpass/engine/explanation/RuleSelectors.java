package no.tilpass.engine.explanation;

import java.util.Arrays;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Cnf;

/**
 * A second solver on the same CNF in which every rule's clauses are guarded by a selector variable
 * {@code s}: clause {@code C} of rule {@code r} is loaded as {@code C or not s_r}, so assuming {@code s_r}
 * switches the rule on. Structural clauses are always on. Rules without clauses get no selector.
 */
final class RuleSelectors {
    final SatSolver solver;
    /** Selector literal of every rule that has clauses, in rule order. */
    final int[] selectors;

    private final int base;
    private final int[] ruleOfSelector;

    RuleSelectors(Cnf cnf, int ruleCount) {
        base = cnf.variableCount();
        solver = new SatSolver(base);
        int[] selectorOfRule = new int[ruleCount];
        for (int i = 0; i < cnf.clauseCount(); i++) {
            int[] clause = cnf.clause(i);
            int rule = cnf.ruleOf(i);
            if (rule == Cnf.STRUCTURAL) {
                solver.addClause(clause);
                continue;
            }
            if (selectorOfRule[rule] == 0) {
                selectorOfRule[rule] = solver.newVariable();
            }
            int[] guarded = Arrays.copyOf(clause, clause.length + 1);
            guarded[clause.length] = -selectorOfRule[rule];
            solver.addClause(guarded);
        }
        ruleOfSelector = new int[solver.variableCount() - base + 1];
        Arrays.fill(ruleOfSelector, -1);
        int count = 0;
        for (int r = 0; r < ruleCount; r++) {
            if (selectorOfRule[r] != 0) {
                ruleOfSelector[selectorOfRule[r] - base] = r;
                count++;
            }
        }
        selectors = new int[count];
        int k = 0;
        for (int r = 0; r < ruleCount; r++) {
            if (selectorOfRule[r] != 0) {
                selectors[k++] = selectorOfRule[r];
            }
        }
    }

    /** The rule index of selector {@code literal}, or -1 when it is not a selector. */
    int ruleOf(int literal) {
        int index = literal - base;
        return index > 0 && index < ruleOfSelector.length ? ruleOfSelector[index] : -1;
    }
}
