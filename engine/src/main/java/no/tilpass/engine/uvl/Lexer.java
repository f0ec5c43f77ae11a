package no.tilpass.engine.uvl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import no.tilpass.engine.space.Diagnostic;

/**
 * Splits UVL text into logical lines of tokens and nests them by indentation. A newline inside
 * {@code ( { [} does not end a line, so attributes and constraints may span lines.
 */
final class Lexer {
    /** A logical line: its indentation (as written), tokens and source text. */
    record Line(String indent, int number, List<Token> tokens, String text) {}

    /** A line and the lines indented under it. */
    record Node(Line line, List<Node> children) {}

    private final String file;
    private final String src;
    private final String[] physical;
    private int pos;
    private int line = 1;
    private int col = 1;

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
        this.physical = src.split("\n", -1);
    }

    /** The top-level lines of {@code text}, each with its indented children. */
    static List<Node> tree(String file, String text) {
        Lexer lexer = new Lexer(file, text);
        return lexer.nest(lexer.lines());
    }

    private Diagnostic at(int l, int c, String message, String maybe) {
        String shown = l >= 1 && l <= physical.length ? physical[l - 1].replace("\r", "") : "";
        return new Diagnostic(file, l, c, message, shown, maybe);
    }

    private List<Line> lines() {
        List<Line> result = new ArrayList<>();
        Deque<Token> open = new ArrayDeque<>();
        List<Token> tokens = null;
        String indent = "";
        int startLine = 0;
        int startPos = 0;
        boolean atLineStart = true;
        while (true) {
            if (atLineStart && open.isEmpty()) {
                int p = pos;
                while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
                    p++;
                }
                indent = src.substring(pos, p);
                advanceTo(p);
                atLineStart = false;
                tokens = new ArrayList<>();
                startLine = line;
                startPos = pos;
            }
            if (pos >= src.length()) {
                break;
            }
            char ch = src.charAt(pos);
            if (ch == '\n') {
                if (open.isEmpty()) {
                    if (!tokens.isEmpty()) {
                        result.add(new Line(indent, startLine, List.copyOf(tokens), text(startPos, pos)));
                    }
                    atLineStart = true;
                }
                pos++;
                line++;
                col = 1;
                continue;
            }
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f') {
                advance(1);
                continue;
            }
            if (src.startsWith("//", pos)) {
                int end = src.indexOf('\n', pos);
                advanceTo(end < 0 ? src.length() : end);
                continue;
            }
            if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new UvlError(at(line, col, "unclosed comment '/*'", "close the comment with '*/'."));
                }
                advanceTo(end + 2);
                continue;
            }
            int l = line;
            int c = col;
            if (ch == '"' || ch == '\'') {
                int end = pos + 1;
                while (end < src.length() && src.charAt(end) != ch && src.charAt(end) != '\n') {
                    end++;
                }
                if (end >= src.length() || src.charAt(end) != ch) {
                    throw new UvlError(at(
                            l,
                            c,
                            "unclosed quote " + ch,
                            "close the " + (ch == '"' ? "name" : "string") + " with " + ch + " on the same line."));
                }
                tokens.add(new Token(
                        ch == '"' ? Token.Kind.QUOTED : Token.Kind.STRING, src.substring(pos + 1, end), l, c));
                advanceTo(end + 1);
                continue;
            }
            if (Character.isDigit(ch)) {
                int end = pos;
                while (end < src.length() && Character.isDigit(src.charAt(end))) {
                    end++;
                }
                if (end + 1 < src.length() && src.charAt(end) == '.' && Character.isDigit(src.charAt(end + 1))) {
                    end++;
                    while (end < src.length() && Character.isDigit(src.charAt(end))) {
                        end++;
                    }
                }
                tokens.add(new Token(Token.Kind.NUMBER, src.substring(pos, end), l, c));
                advanceTo(end);
                continue;
            }
            if (isIdStart(ch)) {
                int end = pos + 1;
                while (end < src.length() && isIdPart(src.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.ID, src.substring(pos, end), l, c));
                advanceTo(end);
                continue;
            }
            String sym = symbolAt();
            if (sym == null) {
                throw new UvlError(at(
                        l,
                        c,
                        "unexpected character '" + ch + "'",
                        "names are letters, digits and '_'; quote other names like \"My feature\"."));
            }
            Token t = new Token(Token.Kind.SYMBOL, sym, l, c);
            if (sym.equals("(") || sym.equals("{") || sym.equals("[")) {
                open.push(t);
            } else if (sym.equals(")") || sym.equals("}") || sym.equals("]")) {
                String expected = open.isEmpty() ? null : closer(open.peek().text());
                if (!sym.equals(expected)) {
                    throw new UvlError(at(
                            l,
                            c,
                            "'" + sym + "' closes nothing"
                                    + (expected == null
                                            ? ""
                                            : ": '" + open.peek().text() + "' at "
                                                    + open.peek().line() + ":"
                                                    + open.peek().column() + " is still open"),
                            expected == null
                                    ? "remove the '" + sym + "'."
                                    : "write '" + expected + "' here, or remove the '" + sym + "'."));
                }
                open.pop();
            }
            tokens.add(t);
            advance(sym.length());
        }
        if (!open.isEmpty()) {
            Token t = open.peek();
            throw new UvlError(at(
                    t.line(),
                    t.column(),
                    "unclosed '" + t.text() + "'",
                    "close it with '" + closer(t.text()) + "' before the end of the line."));
        }
        if (tokens != null && !tokens.isEmpty()) {
            result.add(new Line(indent, startLine, List.copyOf(tokens), text(startPos, pos)));
        }
        return result;
    }

    private String text(int from, int to) {
        return src.substring(from, to).replaceAll("\\s+", " ").strip();
    }

    private static String closer(String opener) {
        return switch (opener) {
            case "(" -> ")";
            case "{" -> "}";
            default -> "]";
        };
    }

    private static final String[] SYMBOLS = {
        "<=>", "=>", "<=", ">=", "==", "!=", "..", "!", "&", "|", "(", ")", "{", "}", "[", "]", ",", ".", "<", ">", "+",
        "-", "*", "/", "=", "~"
    };

    private String symbolAt() {
        for (String s : SYMBOLS) {
            if (src.startsWith(s, pos)) {
                return s;
            }
        }
        return null;
    }

    private static boolean isIdStart(char ch) {
        return Character.isLetter(ch) || ch == '_' || ch == '$';
    }

    private static boolean isIdPart(char ch) {
        return Character.isLetterOrDigit(ch)
                || ch == '_'
                || ch == '$'
                || ch == '#'
                || ch == '§'
                || ch == '%'
                || ch == '?'
                || ch == '\\'
                || ch == ';';
    }

    private void advance(int n) {
        advanceTo(pos + n);
    }

    private void advanceTo(int p) {
        while (pos < p) {
            if (src.charAt(pos) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            pos++;
        }
    }

    private List<Node> nest(List<Line> lines) {
        final class Open {
            final Node node;
            String childIndent;
            Line firstChild;

            Open(Node node) {
                this.node = node;
            }
        }
        Open top = new Open(new Node(new Line("", 0, List.of(), ""), new ArrayList<>()));
        top.childIndent = "";
        Deque<Open> stack = new ArrayDeque<>();
        for (Line l : lines) {
            String ind = l.indent();
            while (!stack.isEmpty()) {
                String t = stack.peek().node.line().indent();
                if (ind.length() > t.length() && ind.startsWith(t)) {
                    break;
                }
                stack.pop();
            }
            Open parent = stack.isEmpty() ? top : stack.peek();
            if (parent.childIndent == null) {
                parent.childIndent = ind;
                parent.firstChild = l;
            } else if (!parent.childIndent.equals(ind)) {
                Token first = l.tokens().get(0);
                throw new UvlError(at(
                        l.number(),
                        first.column(),
                        "bad indentation: '" + first.shown() + "' matches no enclosing level",
                        parent == top
                                ? "top-level sections (namespace, features, constraints) start in column 1."
                                : "indent it like line " + parent.firstChild.number() + " ("
                                        + describe(parent.childIndent) + "), or one level deeper than its parent"
                                        + " with the same tabs or spaces."));
            }
            Node node = new Node(l, new ArrayList<>());
            parent.node.children().add(node);
            stack.push(new Open(node));
        }
        return top.node.children();
    }

    private static String describe(String indent) {
        long tabs = indent.chars().filter(ch -> ch == '\t').count();
        long spaces = indent.length() - tabs;
        if (spaces == 0) {
            return tabs + (tabs == 1 ? " tab" : " tabs");
        }
        if (tabs == 0) {
            return spaces + (spaces == 1 ? " space" : " spaces");
        }
        return tabs + " tabs and " + spaces + " spaces";
    }
}
