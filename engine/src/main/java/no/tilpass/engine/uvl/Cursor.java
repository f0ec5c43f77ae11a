package no.tilpass.engine.uvl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilpass.engine.space.Diagnostic;

/** Reads the tokens of one logical line: names, attributes and constraint expressions. */
final class Cursor {
    private static final Set<String> FUNCTIONS = Set.of("sum", "avg", "len", "floor", "ceil");

    private final String file;
    private final Lexer.Line line;
    private final List<Token> tokens;
    private int index;

    Cursor(String file, Lexer.Line line) {
        this.file = file;
        this.line = line;
        this.tokens = line.tokens();
    }

    boolean atEnd() {
        return index >= tokens.size();
    }

    Token peek() {
        return atEnd() ? null : tokens.get(index);
    }

    Token peek(int ahead) {
        return index + ahead < tokens.size() ? tokens.get(index + ahead) : null;
    }

    Token next() {
        if (atEnd()) {
            throw error(endColumn(), "the line ends too early", "complete the line.");
        }
        return tokens.get(index++);
    }

    boolean accept(String symbol) {
        if (!atEnd() && peek().is(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    Token expect(String symbol, String maybe) {
        if (atEnd() || !peek().is(symbol)) {
            throw error(
                    atEnd() ? endColumn() : peek().column(),
                    "expected '" + symbol + "' but found "
                            + (atEnd() ? "the end of the line" : "'" + peek().shown() + "'"),
                    maybe);
        }
        return next();
    }

    void expectEnd(String what) {
        if (!atEnd()) {
            Token t = peek();
            throw error(
                    t.column(),
                    "unexpected '" + t.shown() + "' after " + what,
                    "put one item per line; quote names" + " that contain spaces, like \"Big engine\".");
        }
    }

    UvlError error(int column, String message, String maybe) {
        return new UvlError(new Diagnostic(file, lineOf(column), column, message, line.text(), maybe));
    }

    /** An error at the current token, or just after the last one. */
    UvlError errorHere(String message, String maybe) {
        return atEnd() ? error(endColumn(), message, maybe) : error(peek(), message, maybe);
    }

    UvlError error(Token at, String message, String maybe) {
        return new UvlError(new Diagnostic(file, at.line(), at.column(), message, line.text(), maybe));
    }

    private int lineOf(int column) {
        return atEnd() ? tokens.get(tokens.size() - 1).line() : peek().line();
    }

    private int endColumn() {
        Token last = tokens.get(tokens.size() - 1);
        return last.column() + last.shown().length();
    }

    /** A name: plain, quoted or dotted ({@code a.b."c d"}). */
    String reference(String what) {
        Token t = peek();
        if (t == null || !t.isName()) {
            throw error(
                    t == null ? endColumn() : t.column(),
                    "expected " + what + " but found " + (t == null ? "the end of the line" : "'" + t.shown() + "'"),
                    "names start with a letter; quote other names like \"4x4 drive\".");
        }
        StringBuilder sb = new StringBuilder(next().text());
        while (!atEnd() && peek().is(".") && peek(1) != null && peek(1).isName()) {
            next();
            sb.append('.').append(next().text());
        }
        return sb.toString();
    }

    /** {@code { key value, key, key { ... }, ... }}; the cursor is on the opening brace. */
    Map<String, Object> attributes(List<Constraintlike> constraints) {
        expect("{", "");
        Map<String, Object> result = new LinkedHashMap<>();
        if (accept("}")) {
            return result;
        }
        do {
            Token key = peek();
            if (key == null || !key.isName()) {
                throw error(
                        key == null ? endColumn() : key.column(),
                        "expected an attribute name but found " + (key == null ? "the end" : "'" + key.shown() + "'"),
                        "write attributes as {name value, other value}.");
            }
            next();
            if (key.kind() == Token.Kind.ID
                    && key.text().equals("constraint")
                    && !atEnd()
                    && !peek().is(",")
                    && !peek().is("}")) {
                constraints.add(new Constraintlike(expression(), key));
                continue;
            }
            if (key.kind() == Token.Kind.ID && key.text().equals("constraints") && !atEnd() && peek().is("[")) {
                next();
                if (!accept("]")) {
                    do {
                        Token at = peek();
                        constraints.add(new Constraintlike(expression(), at));
                    } while (accept(","));
                    expect("]", "close the list of constraints with ']'.");
                }
                continue;
            }
            Object value = atEnd() || peek().is(",") || peek().is("}") ? Boolean.TRUE : value();
            if (result.put(key.text(), value) != null) {
                throw error(key, "attribute '" + key.text() + "' is given twice", "keep one of them.");
            }
        } while (accept(","));
        expect("}", "separate attributes with ',' and close them with '}'.");
        return result;
    }

    /** A constraint written as a feature attribute. */
    record Constraintlike(Expr expr, Token at) {}

    private Object value() {
        Token t = peek();
        if (t.is("{")) {
            return attributes(new ArrayList<>());
        }
        if (t.is("[")) {
            next();
            List<Object> list = new ArrayList<>();
            if (!accept("]")) {
                do {
                    list.add(value());
                } while (accept(","));
                expect("]", "close the list with ']'.");
            }
            return List.copyOf(list);
        }
        if (t.is("-") && peek(1) != null && peek(1).kind() == Token.Kind.NUMBER) {
            next();
            return -Double.parseDouble(next().text());
        }
        next();
        return switch (t.kind()) {
            case NUMBER -> Double.parseDouble(t.text());
            case STRING, QUOTED -> t.text();
            case ID -> t.text().equals("true") ? Boolean.TRUE : t.text().equals("false") ? Boolean.FALSE : t.text();
            case SYMBOL -> throw error(
                    t, "'" + t.text() + "' is not an attribute value", "values are numbers, true, false or \"text\".");
        };
    }

    // ---- constraint expressions: <=> lowest, then =>, |, &, !, comparisons, + -, * / ----

    Expr expression() {
        Expr left = implication();
        while (!atEnd() && peek().is("<=>")) {
            next();
            left = new Expr.Logic("<=>", left, implication());
        }
        return left;
    }

    private Expr implication() {
        Expr left = disjunction();
        while (!atEnd() && peek().is("=>")) {
            next();
            left = new Expr.Logic("=>", left, disjunction());
        }
        return left;
    }

    private Expr disjunction() {
        Expr left = conjunction();
        while (!atEnd() && peek().is("|")) {
            next();
            left = new Expr.Logic("|", left, conjunction());
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = negation();
        while (!atEnd() && peek().is("&")) {
            next();
            left = new Expr.Logic("&", left, negation());
        }
        return left;
    }

    private Expr negation() {
        if (!atEnd() && peek().is("!")) {
            next();
            return new Expr.Not(negation());
        }
        return comparison();
    }

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");

    private Expr comparison() {
        Expr left = sum();
        if (!atEnd() && peek().kind() == Token.Kind.SYMBOL && COMPARISONS.contains(peek().text())) {
            Token op = next();
            return new Expr.Compare(op.text(), left, sum(), op);
        }
        if (!atEnd() && peek().is("=")) {
            throw error(peek(), "'=' is not an operator", "write '==' to compare, or '<=>' for equivalence.");
        }
        return left;
    }

    private Expr sum() {
        Expr left = product();
        while (!atEnd() && (peek().is("+") || peek().is("-"))) {
            String op = next().text();
            left = new Expr.Arith(op, left, product());
        }
        return left;
    }

    private Expr product() {
        Expr left = factor();
        while (!atEnd() && (peek().is("*") || peek().is("/"))) {
            String op = next().text();
            left = new Expr.Arith(op, left, factor());
        }
        return left;
    }

    private Expr factor() {
        Token t = peek();
        if (t == null) {
            throw error(endColumn(), "the constraint ends too early", "complete the expression after the operator.");
        }
        if (t.is("(")) {
            next();
            Expr inner = expression();
            expect(")", "close the parenthesis with ')'.");
            return inner;
        }
        if (t.is("-")) {
            next();
            return new Expr.Negate(factor());
        }
        if (t.kind() == Token.Kind.NUMBER) {
            next();
            return new Expr.Num(Double.parseDouble(t.text()), t);
        }
        if (t.kind() == Token.Kind.STRING) {
            next();
            return new Expr.Str(t.text(), t);
        }
        if (t.kind() == Token.Kind.ID && (t.text().equals("true") || t.text().equals("false"))) {
            next();
            return new Expr.Bool(t.text().equals("true"));
        }
        if (t.kind() == Token.Kind.ID && FUNCTIONS.contains(t.text()) && peek(1) != null && peek(1).is("(")) {
            next();
            next();
            List<Expr> args = new ArrayList<>();
            if (!accept(")")) {
                do {
                    args.add(sum());
                } while (accept(","));
                expect(")", "close the call with ')'.");
            }
            return new Expr.Call(t.text(), List.copyOf(args), t);
        }
        if (t.isName()) {
            return new Expr.Ref(reference("a feature"), t);
        }
        throw error(
                t,
                "expected a feature, a number or '(' but found '" + t.shown() + "'",
                t.is("&") || t.is("|") || t.is("=>") || t.is("<=>")
                        ? "an operand is missing before '" + t.text() + "'."
                        : "constraints use features with ! & | => <=> and parentheses.");
    }
}
