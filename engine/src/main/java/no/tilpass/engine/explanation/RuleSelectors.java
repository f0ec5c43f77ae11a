package no.tilpass.engine.explanation;

import java.util.Arrays;
import no.tilpass.engine.sat.SatSolver;
import no.tilpass.engine.space.Cnf;

/**
 * Rule selectors: clause {@code C} of rule {@code r} is loaded as {@code C or not s_r}, so assuming
 * {@code s_r} switches the rule on; structural clauses are always on; rules without clauses get no
 * selector.
 *
 * <p>Two solvers: {@link #full} holds every rule and finds, in one call with every selector assumed, the
 * candidate rules (the failed selectors). {@link #focus} starts with the structural clauses only and
 * receives a rule's clauses the first time the rule is a candidate; minimisation runs there, where each
 * call sees only the rules that ever mattered (a rule that is absent is off, exactly as a selector that is
 * not assumed), which keeps calls fast on models with many thousands of rules.
 */
final class RuleSelectors {
    final SatSolver full;
    /** Selector literal in {@link #full} of every rule that has clauses, in rule order. */
    final int[] selectors;

    final SatSolver focus;

    private final Cnf cnf;
    private final int base;
    private final int[] ruleOfSelector;
    private final int[][] clausesOfRule;
    private final int[] focusSelectorOfRule;
    private int[] ruleOfFocusSelector = new int[16];

    RuleSelectors(Cnf cnf, int ruleCount) {
        this.cnf = cnf;
        base = cnf.variableCount();
        full = new SatSolver(base);
        focus = new SatSolver(base);
        int[] selectorOfRule = new int[ruleCount];
        int[] clauseCount = new int[ruleCount];
        for (int i = 0; i < cnf.clauseCount(); i++) {
            int[] clause = cnf.clause(i);
            int rule = cnf.ruleOf(i);
            if (rule == Cnf.STRUCTURAL) {
                full.addClause(clause);
                focus.addClause(clause);
                continue;
            }
            if (selectorOfRule[rule] == 0) {
                selectorOfRule[rule] = full.newVariable();
            }
            clauseCount[rule]++;
            full.addClause(guarded(clause, selectorOfRule[rule]));
        }
        clausesOfRule = new int[ruleCount][];
        for (int r = 0; r < ruleCount; r++) {
            clausesOfRule[r] = new int[clauseCount[r]];
        }
        int[] filled = new int[ruleCount];
        for (int i = 0; i < cnf.clauseCount(); i++) {
            int rule = cnf.ruleOf(i);
            if (rule != Cnf.STRUCTURAL) {
                clausesOfRule[rule][filled[rule]++] = i;
            }
        }
        ruleOfSelector = new int[full.variableCount() - base + 1];
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
        focusSelectorOfRule = new int[ruleCount];
        Arrays.fill(ruleOfFocusSelector, -1);
    }

    /** The rule index of {@link #full}'s selector {@code literal}, or -1 when it is not a selector. */
    int ruleOf(int literal) {
        int index = literal - base;
        return index > 0 && index < ruleOfSelector.length ? ruleOfSelector[index] : -1;
    }

    /** The selector of {@code rule} in {@link #focus}, loading the rule's clauses there on first use. */
    int focusSelector(int rule) {
        if (focusSelectorOfRule[rule] == 0) {
            int selector = focus.newVariable();
            focusSelectorOfRule[rule] = selector;
            int index = selector - base;
            if (index >= ruleOfFocusSelector.length) {
                int old = ruleOfFocusSelector.length;
                ruleOfFocusSelector = Arrays.copyOf(ruleOfFocusSelector, Math.max(index + 1, old * 2));
                Arrays.fill(ruleOfFocusSelector, old, ruleOfFocusSelector.length, -1);
            }
            ruleOfFocusSelector[index] = rule;
            for (int c : clausesOfRule[rule]) {
                focus.addClause(guarded(cnf.clause(c), selector));
            }
        }
        return focusSelectorOfRule[rule];
    }

    /** The rule index of {@link #focus}'s selector {@code literal}. */
    int ruleOfFocus(int literal) {
        return ruleOfFocusSelector[literal - base];
    }

    private static int[] guarded(int[] clause, int selector) {
        int[] out = Arrays.copyOf(clause, clause.length + 1);
        out[clause.length] = -selector;
        return out;
    }
}
