package no.tilpass.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An expression of the model language. The parser produces {@link Name} nodes; the type checker
 * replaces every {@link Name} by an option reference ({@link Ref}), an enumerated value ({@link Sym}) or
 * the body of a {@code let}, so expressions inside a {@link ProductModel} contain no {@link Name}.
 */
public sealed interface Expr {

    /** Where the expression was written. */
    ProductModel.Source at();

    /** Binary operators, from logic to arithmetic. */
    enum Op {
        IFF("iff"),
        IMPLIES("implies"),
        REQUIRES("requires"),
        EXCLUDES("excludes"),
        OR("or"),
        AND("and"),
        EQ("=="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        ADD("+"),
        SUB("-"),
        MUL("*"),
        DIV("/"),
        MOD("%");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in a model. */
        public String symbol() {
            return symbol;
        }

        /** True for the boolean connectives (iff ... and). */
        public boolean isLogic() {
            return ordinal() <= AND.ordinal();
        }

        /** True for == != < <= > >=. */
        public boolean isComparison() {
            return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
        }

        /** True for + - * / %. */
        public boolean isArithmetic() {
            return ordinal() >= ADD.ordinal();
        }
    }

    /** Built-in integer functions. */
    enum Fn {
        MIN,
        MAX,
        ABS
    }

    /** Cardinality bounds: {@code exactly n of (...)}, {@code at_most n of}, {@code at_least n of}. */
    enum Bound {
        EXACTLY,
        AT_MOST,
        AT_LEAST
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, ProductModel.Source at) implements Expr {}

    /** An integer literal. */
    record Num(long value, ProductModel.Source at) implements Expr {}

    /** An identifier not yet resolved (parser output only). */
    record Name(String name, ProductModel.Source at) implements Expr {}

    /** A resolved reference to an option (component options are namespaced: {@code fittings.hinge}). */
    record Ref(String option, ProductModel.Source at) implements Expr {}

    /** A resolved enumerated value, compared with an enumerated option. */
    record Sym(String value, ProductModel.Source at) implements Expr {}

    /** An inclusive integer range; appears only as an item of {@link In}. */
    record Range(long low, long high, ProductModel.Source at) implements Expr {}

    /** Logical negation. */
    record Not(Expr operand, ProductModel.Source at) implements Expr {}

    /** Arithmetic negation. */
    record Neg(Expr operand, ProductModel.Source at) implements Expr {}

    /** A binary operation. */
    record Binary(Op op, Expr left, Expr right, ProductModel.Source at) implements Expr {}

    /** Membership: {@code operand in (a, b, 3..7)}; items are values, numbers, booleans or ranges. */
    record In(Expr operand, List<Expr> items, ProductModel.Source at) implements Expr {
        public In {
            items = List.copyOf(items);
        }
    }

    /** {@code if condition then a else b}, boolean or integer. */
    record If(Expr condition, Expr then, Expr otherwise, ProductModel.Source at) implements Expr {}

    /** {@code min(a, b, ...)}, {@code max(...)}, {@code abs(a)}. */
    record Call(Fn fn, List<Expr> args, ProductModel.Source at) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code exactly 1 of (a, b, c)}: how many of the boolean items are true. */
    record Count(Bound bound, int n, List<Expr> items, ProductModel.Source at) implements Expr {
        public Count {
            items = List.copyOf(items);
        }
    }

    /** Renders {@code e} in model syntax, fully parenthesised. */
    static String show(Expr e) {
        if (e instanceof Bool b) {
            return Boolean.toString(b.value());
        } else if (e instanceof Num n) {
            return Long.toString(n.value());
        } else if (e instanceof Name n) {
            return n.name();
        } else if (e instanceof Ref r) {
            return r.option();
        } else if (e instanceof Sym s) {
            return s.value();
        } else if (e instanceof Range r) {
            return r.low() + ".." + r.high();
        } else if (e instanceof Not n) {
            return "not " + show(n.operand());
        } else if (e instanceof Neg n) {
            return "-" + show(n.operand());
        } else if (e instanceof Binary b) {
            return "(" + show(b.left()) + " " + b.op().symbol() + " " + show(b.right()) + ")";
        } else if (e instanceof In i) {
            return show(i.operand()) + " in (" + join(i.items()) + ")";
        } else if (e instanceof If i) {
            return "(if " + show(i.condition()) + " then " + show(i.then()) + " else " + show(i.otherwise()) + ")";
        } else if (e instanceof Call c) {
            return c.fn().name().toLowerCase(Locale.ROOT) + "(" + join(c.args()) + ")";
        } else {
            Count c = (Count) e;
            return c.bound().name().toLowerCase(Locale.ROOT) + " " + c.n() + " of (" + join(c.items()) + ")";
        }
    }

    private static String join(List<Expr> items) {
        return items.stream().map(Expr::show).collect(Collectors.joining(", "));
    }
}
