package no.tilpass.engine.uvl;

import java.util.List;

/** A parsed UVL constraint expression. */
sealed interface Expr {
    /** A feature, an attribute ({@code Feature.attr}) or an attribute name inside an aggregate. */
    record Ref(String name, Token at) implements Expr {}

    record Not(Expr operand) implements Expr {}

    /** {@code &}, {@code |}, {@code =>} or {@code <=>}. */
    record Logic(String op, Expr left, Expr right) implements Expr {}

    /** A comparison {@code == != < > <= >=}. */
    record Compare(String op, Expr left, Expr right, Token at) implements Expr {}

    /** {@code + - * /}. */
    record Arith(String op, Expr left, Expr right) implements Expr {}

    record Negate(Expr operand) implements Expr {}

    record Num(double value, Token at) implements Expr {}

    record Str(String value, Token at) implements Expr {}

    record Bool(boolean value) implements Expr {}

    /** {@code sum(...)}, {@code avg(...)}, {@code len(...)}, {@code floor(...)}, {@code ceil(...)}. */
    record Call(String function, List<Expr> args, Token at) implements Expr {}
}
