package no.tilpass.engine.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates checked expressions on one full configuration, directly on the tree: conditions are 1 or 0,
 * numbers are themselves, enumerated values are compared by name. Integer division rounds down and
 * dividing by zero gives 0, as in the compiler. Obtain one for a checked configuration from {@link
 * Evaluation#of(ProductModel, Map)}.
 */
public final class Evaluator {
    private final Map<String, Long> values;
    private final Map<String, Long> symbols = new HashMap<>();

    /** {@code configuration} maps every option to its value as written ("true", "1200", "wood"). */
    Evaluator(Map<String, ProductModel.OptionInfo> options, Map<String, String> configuration) {
        this.values = new HashMap<>();
        for (Map.Entry<String, String> e : configuration.entrySet()) {
            ProductModel.OptionInfo o = options.get(e.getKey());
            String v = e.getValue();
            long x =
                    switch (o.kind()) {
                        case BOOLEAN -> v.equals("true") ? 1 : 0;
                        case INTEGER -> Long.parseLong(v);
                        case ENUM -> symbol(v);
                    };
            values.put(e.getKey(), x);
        }
    }

    private long symbol(String name) {
        return symbols.computeIfAbsent(name, n -> (long) symbols.size());
    }

    /** Whether the condition {@code e} holds. */
    public boolean holds(Expr e) {
        return eval(e) != 0;
    }

    /** The value of {@code e}: a number, 1 or 0 for a condition, an opaque code for an enumerated value. */
    public long eval(Expr e) {
        if (e instanceof Expr.Bool b) {
            return b.value() ? 1 : 0;
        } else if (e instanceof Expr.Num n) {
            return n.value();
        } else if (e instanceof Expr.Sym s) {
            return symbol(s.value());
        } else if (e instanceof Expr.Ref r) {
            Long v = values.get(r.option());
            if (v == null) {
                throw new IllegalStateException("no value for option " + r.option());
            }
            return v;
        } else if (e instanceof Expr.Not n) {
            return eval(n.operand()) != 0 ? 0 : 1;
        } else if (e instanceof Expr.Neg n) {
            return -eval(n.operand());
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.In i) {
            long v = eval(i.operand());
            for (Expr item : i.items()) {
                if (item instanceof Expr.Range r ? v >= r.low() && v <= r.high() : v == eval(item)) {
                    return 1;
                }
            }
            return 0;
        } else if (e instanceof Expr.If i) {
            return eval(i.condition()) != 0 ? eval(i.then()) : eval(i.otherwise());
        } else if (e instanceof Expr.Call c) {
            long m = eval(c.args().get(0));
            for (int k = 1; k < c.args().size(); k++) {
                long x = eval(c.args().get(k));
                m = c.fn() == Expr.Fn.MIN ? Math.min(m, x) : Math.max(m, x);
            }
            return c.fn() == Expr.Fn.ABS ? Math.abs(m) : m;
        } else if (e instanceof Expr.Count c) {
            int k = 0;
            for (Expr item : c.items()) {
                k += eval(item) != 0 ? 1 : 0;
            }
            boolean ok =
                    switch (c.bound()) {
                        case EXACTLY -> k == c.n();
                        case AT_MOST -> k <= c.n();
                        case AT_LEAST -> k >= c.n();
                    };
            return ok ? 1 : 0;
        }
        throw new IllegalStateException("unresolved expression " + Expr.show(e));
    }

    private long binary(Expr.Binary b) {
        long l = eval(b.left());
        long r = eval(b.right());
        return switch (b.op()) {
            case AND -> l != 0 && r != 0 ? 1 : 0;
            case OR -> l != 0 || r != 0 ? 1 : 0;
            case IMPLIES, REQUIRES -> l == 0 || r != 0 ? 1 : 0;
            case EXCLUDES -> l != 0 && r != 0 ? 0 : 1;
            case IFF -> (l != 0) == (r != 0) ? 1 : 0;
            case EQ -> l == r ? 1 : 0;
            case NE -> l != r ? 1 : 0;
            case LT -> l < r ? 1 : 0;
            case LE -> l <= r ? 1 : 0;
            case GT -> l > r ? 1 : 0;
            case GE -> l >= r ? 1 : 0;
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> r == 0 ? 0 : Math.floorDiv(l, r);
            case MOD -> r == 0 ? 0 : Math.floorMod(l, r);
        };
    }
}
