package no.tilpass.engine.uvl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Boolean constraint in negation normal form over SAT literals, with constants folded away. */
sealed interface Formula {
    /** A literal, or {@link Clauses#TRUE} / {@link Clauses#FALSE} for a constant formula. */
    record Lit(int literal) implements Formula {}

    record And(List<Formula> parts) implements Formula {}

    record Or(List<Formula> parts) implements Formula {}

    /** The NNF of {@code e} ({@code positive}) or of its negation; {@code e} must be Boolean and checked. */
    static Formula of(Expr e, boolean positive, Map<String, Integer> variables) {
        if (e instanceof Expr.Ref r) {
            int v = variables.get(r.name());
            return new Lit(positive ? v : -v);
        }
        if (e instanceof Expr.Bool b) {
            return new Lit(b.value() == positive ? Clauses.TRUE : Clauses.FALSE);
        }
        if (e instanceof Expr.Not n) {
            return of(n.operand(), !positive, variables);
        }
        Expr.Logic l = (Expr.Logic) e;
        Formula a;
        Formula b;
        switch (l.op()) {
            case "&" -> {
                a = of(l.left(), positive, variables);
                b = of(l.right(), positive, variables);
                return positive ? and(a, b) : or(a, b);
            }
            case "|" -> {
                a = of(l.left(), positive, variables);
                b = of(l.right(), positive, variables);
                return positive ? or(a, b) : and(a, b);
            }
            case "=>" -> {
                a = of(l.left(), !positive, variables);
                b = of(l.right(), positive, variables);
                return positive ? or(a, b) : and(a, b);
            }
            default -> {
                Formula lp = of(l.left(), true, variables);
                Formula ln = of(l.left(), false, variables);
                Formula rp = of(l.right(), true, variables);
                Formula rn = of(l.right(), false, variables);
                return positive ? and(or(ln, rp), or(lp, rn)) : or(and(lp, rn), and(ln, rp));
            }
        }
    }

    private static Formula and(Formula a, Formula b) {
        return combine(true, a, b);
    }

    private static Formula or(Formula a, Formula b) {
        return combine(false, a, b);
    }

    /** Flattens nested And/Or and folds constants. */
    private static Formula combine(boolean conjunction, Formula a, Formula b) {
        int absorbing = conjunction ? Clauses.FALSE : Clauses.TRUE;
        int neutral = conjunction ? Clauses.TRUE : Clauses.FALSE;
        List<Formula> parts = new ArrayList<>();
        for (Formula f : List.of(a, b)) {
            if (f instanceof Lit lit && lit.literal() == absorbing) {
                return f;
            }
            if (f instanceof Lit lit && lit.literal() == neutral) {
                continue;
            }
            if (conjunction && f instanceof And and) {
                parts.addAll(and.parts());
            } else if (!conjunction && f instanceof Or or) {
                parts.addAll(or.parts());
            } else {
                parts.add(f);
            }
        }
        if (parts.isEmpty()) {
            return new Lit(neutral);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return conjunction ? new And(List.copyOf(parts)) : new Or(List.copyOf(parts));
    }
}
