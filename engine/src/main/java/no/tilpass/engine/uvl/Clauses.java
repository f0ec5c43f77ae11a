package no.tilpass.engine.uvl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.tilpass.engine.space.Cnf;

/**
 * Collects clauses with their rule tags and hands out auxiliary variables. Every auxiliary variable is
 * defined by an equivalence ({@link #and}, {@link #or}), so it never adds models.
 */
final class Clauses {
    /** Marker literals for the constants; never stored in a clause. */
    static final int TRUE = Integer.MAX_VALUE;

    static final int FALSE = Integer.MIN_VALUE;

    private int variables;
    private final List<int[]> clauses = new ArrayList<>();
    private int[] rules = new int[64];

    Clauses(int optionVariables) {
        this.variables = optionVariables;
    }

    int newVariable() {
        return ++variables;
    }

    static int not(int literal) {
        if (literal == TRUE) {
            return FALSE;
        }
        if (literal == FALSE) {
            return TRUE;
        }
        return -literal;
    }

    /** Adds a clause; constants are simplified away, tautologies and duplicate literals dropped. */
    void add(int rule, int... literals) {
        int[] c = new int[literals.length];
        int n = 0;
        for (int l : literals) {
            if (l == TRUE) {
                return;
            }
            if (l == FALSE) {
                continue;
            }
            c[n++] = l;
        }
        c = Arrays.copyOf(c, n);
        Arrays.sort(c);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && c[m - 1] == c[i]) {
                continue;
            }
            c[m++] = c[i];
        }
        for (int i = 0; i < m; i++) {
            if (Arrays.binarySearch(c, 0, m, -c[i]) >= 0) {
                return;
            }
        }
        if (clauses.size() == rules.length) {
            rules = Arrays.copyOf(rules, rules.length * 2);
        }
        rules[clauses.size()] = rule;
        clauses.add(m == n ? c : Arrays.copyOf(c, m));
    }

    /** A literal equivalent to {@code a AND b}, defined by structural clauses. */
    int and(int a, int b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        if (a == TRUE) {
            return b;
        }
        if (b == TRUE || a == b) {
            return a;
        }
        int y = newVariable();
        add(Cnf.STRUCTURAL, -y, a);
        add(Cnf.STRUCTURAL, -y, b);
        add(Cnf.STRUCTURAL, y, -a, -b);
        return y;
    }

    /** A literal equivalent to {@code a OR b}, defined by structural clauses. */
    int or(int a, int b) {
        return not(and(not(a), not(b)));
    }

    /** A literal equivalent to the conjunction ({@code conjunction}) or disjunction of {@code literals}. */
    int define(boolean conjunction, int[] literals) {
        if (literals.length == 1) {
            return literals[0];
        }
        int y = newVariable();
        int sign = conjunction ? 1 : -1;
        int[] back = new int[literals.length + 1];
        back[0] = sign * y;
        for (int i = 0; i < literals.length; i++) {
            add(Cnf.STRUCTURAL, -sign * y, sign * literals[i]);
            back[i + 1] = -sign * literals[i];
        }
        add(Cnf.STRUCTURAL, back);
        return y;
    }

    /**
     * Literals {@code s[j]} (index 0..{@code upTo}) equivalent to "at least j of {@code xs} are true", by
     * a sequential counter of defined auxiliary variables; entries may be {@link #TRUE} or {@link #FALSE}.
     */
    int[] atLeastCounter(int[] xs, int upTo) {
        int[] s = new int[upTo + 1];
        Arrays.fill(s, FALSE);
        s[0] = TRUE;
        for (int x : xs) {
            for (int j = upTo; j >= 1; j--) {
                s[j] = or(s[j], and(x, s[j - 1]));
            }
        }
        return s;
    }

    Cnf build() {
        return new Cnf(variables, clauses.toArray(new int[0][]), Arrays.copyOf(rules, clauses.size()));
    }
}
