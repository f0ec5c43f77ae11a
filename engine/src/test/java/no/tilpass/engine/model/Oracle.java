package no.tilpass.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test oracle: evaluates a checked model's rules directly on full configurations, independently of the
 * CNF encoder. Values are Boolean, Long or String (enumerated values).
 */
final class Oracle {
    private Oracle() {}

    /** Every full configuration of {@code model}'s options, in odometer order. */
    static List<Map<String, Object>> configurations(ProductModel model) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (ProductModel.OptionInfo o : model.options()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (ProductModel.ValueInfo v : o.values()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(o.name(), value(o, v.name()));
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    static Object value(ProductModel.OptionInfo o, String text) {
        switch (o.kind()) {
            case BOOLEAN:
                return Boolean.parseBoolean(text);
            case INTEGER:
                return Long.parseLong(text);
            default:
                return text;
        }
    }

    /** True when every rule holds in {@code config}. */
    static boolean valid(ProductModel model, Map<String, Object> config) {
        for (ProductModel.RuleInfo r : model.rules()) {
            if (!(Boolean) eval(r.constraint(), config)) {
                return false;
            }
        }
        return true;
    }

    static Object eval(Expr e, Map<String, Object> c) {
        if (e instanceof Expr.Bool b) {
            return b.value();
        }
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Sym s) {
            return s.value();
        }
        if (e instanceof Expr.Ref r) {
            if (!c.containsKey(r.option())) {
                throw new IllegalStateException("no value for " + r.option());
            }
            return c.get(r.option());
        }
        if (e instanceof Expr.Not n) {
            return !(Boolean) eval(n.operand(), c);
        }
        if (e instanceof Expr.Neg n) {
            return -(Long) eval(n.operand(), c);
        }
        if (e instanceof Expr.In i) {
            Object v = eval(i.operand(), c);
            for (Expr item : i.items()) {
                if (item instanceof Expr.Range r) {
                    long x = (Long) v;
                    if (x >= r.low() && x <= r.high()) {
                        return true;
                    }
                } else if (eval(item, c).equals(v)) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof Expr.If i) {
            return (Boolean) eval(i.condition(), c) ? eval(i.then(), c) : eval(i.otherwise(), c);
        }
        if (e instanceof Expr.Call call) {
            List<Long> args = new ArrayList<>();
            for (Expr a : call.args()) {
                args.add((Long) eval(a, c));
            }
            switch (call.fn()) {
                case ABS:
                    return Math.abs(args.get(0));
                case MIN:
                    return args.stream().mapToLong(Long::longValue).min().orElseThrow();
                default:
                    return args.stream().mapToLong(Long::longValue).max().orElseThrow();
            }
        }
        if (e instanceof Expr.Count k) {
            int n = 0;
            for (Expr item : k.items()) {
                if ((Boolean) eval(item, c)) {
                    n++;
                }
            }
            switch (k.bound()) {
                case EXACTLY:
                    return n == k.n();
                case AT_MOST:
                    return n <= k.n();
                default:
                    return n >= k.n();
            }
        }
        Expr.Binary b = (Expr.Binary) e;
        Object l = eval(b.left(), c);
        Object r = eval(b.right(), c);
        switch (b.op()) {
            case AND:
                return (Boolean) l && (Boolean) r;
            case OR:
                return (Boolean) l || (Boolean) r;
            case IMPLIES:
            case REQUIRES:
                return !(Boolean) l || (Boolean) r;
            case EXCLUDES:
                return !((Boolean) l && (Boolean) r);
            case IFF:
            case EQ:
                return l.equals(r);
            case NE:
                return !l.equals(r);
            default:
                break;
        }
        long x = (Long) l;
        long y = (Long) r;
        switch (b.op()) {
            case LT:
                return x < y;
            case LE:
                return x <= y;
            case GT:
                return x > y;
            case GE:
                return x >= y;
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case DIV:
                return y == 0 ? 0L : Math.floorDiv(x, y);
            default:
                return y == 0 ? 0L : Math.floorMod(x, y);
        }
    }
}
