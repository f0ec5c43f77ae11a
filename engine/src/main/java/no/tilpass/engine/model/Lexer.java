package no.tilpass.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilpass.engine.space.Diagnostic;

/** Splits model text into tokens; reports the first lexical error as a {@link Diagnostic}. */
final class Lexer {
    enum Kind {
        IDENT,
        NUMBER,
        STRING,
        PUNCT,
        EOF
    }

    /** A token; {@code text} is the source text (for strings: the unescaped contents). */
    record Token(Kind kind, String text, long number, int line, int column) {
        String describe() {
            switch (kind) {
                case EOF:
                    return "end of file";
                case STRING:
                    return "string \"" + text + "\"";
                case NUMBER:
                    return "number " + text;
                default:
                    return "'" + text + "'";
            }
        }
    }

    private static final String[] PUNCTS = {
        "..", "==", "!=", "<=", ">=", "{", "}", "(", ")", ",", ":", ";", "=", "<", ">", "+", "-", "*", "/", "%", ".",
        "|"
    };

    private final String file;
    private final String text;
    private final SourceLines lines;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String file, String text, SourceLines lines) {
        this.file = file;
        this.text = text;
        this.lines = lines;
    }

    /** The tokens of {@code text}, ending with EOF, or the diagnostic of the first bad character. */
    static Lexed lex(String file, String text, SourceLines lines) {
        return new Lexer(file, text, lines).run();
    }

    /** Tokens, or an error. */
    record Lexed(List<Token> tokens, Optional<Diagnostic> error) {}

    private Lexed run() {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        while (true) {
            skipSpaceAndComments();
            if (pos >= n) {
                out.add(new Token(Kind.EOF, "", 0, line, pos - lineStart + 1));
                return new Lexed(out, Optional.empty());
            }
            int col = pos - lineStart + 1;
            char c = text.charAt(pos);
            if (Character.isLetter(c) && c < 128 || c == '_') {
                int start = pos;
                while (pos < n && isIdentPart(text.charAt(pos))) {
                    pos++;
                }
                out.add(new Token(Kind.IDENT, text.substring(start, pos), 0, line, col));
            } else if (c >= '0' && c <= '9') {
                int start = pos;
                while (pos < n && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                String raw = text.substring(start, pos);
                String digits = raw.replace("_", "");
                if (raw.endsWith("_") || digits.length() > 15) {
                    return error(
                            col, "bad number '" + raw + "'", "write at most 15 digits, with '_' only between digits.");
                }
                if (pos < n && isIdentPart(text.charAt(pos))) {
                    return error(
                            col,
                            "a name cannot start with a digit: '" + raw + text.charAt(pos) + "...'",
                            "start the name with a letter, e.g. 'v" + raw + "'.");
                }
                out.add(new Token(Kind.NUMBER, raw, Long.parseLong(digits), line, col));
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= n || text.charAt(pos) == '\n') {
                        return error(col, "unterminated string", "close the string with '\"' on the same line.");
                    }
                    char d = text.charAt(pos);
                    if (d == '"') {
                        pos++;
                        break;
                    }
                    if (d == '\\' && pos + 1 < n) {
                        char e = text.charAt(pos + 1);
                        if (e == '"' || e == '\\') {
                            sb.append(e);
                        } else if (e == 'n') {
                            sb.append('\n');
                        } else {
                            pos++;
                            return error(
                                    pos - lineStart,
                                    "unknown escape '\\" + e + "' in string",
                                    "write \\\" for a quote, \\\\ for a backslash or \\n for a new line.");
                        }
                        pos += 2;
                        continue;
                    }
                    sb.append(d);
                    pos++;
                }
                out.add(new Token(Kind.STRING, sb.toString(), 0, line, col));
            } else {
                String found = null;
                for (String p : PUNCTS) {
                    if (text.startsWith(p, pos)) {
                        found = p;
                        break;
                    }
                }
                if (found == null) {
                    return error(
                            col,
                            "unexpected character '" + c + "'",
                            "names use the letters a-z, digits and '_'; put other text in \"quotes\".");
                }
                pos += found.length();
                out.add(new Token(Kind.PUNCT, found, 0, line, col));
            }
        }
    }

    private static boolean isIdentPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private void skipSpaceAndComments() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (text.startsWith("//", pos) || c == '#') {
                while (pos < n && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Lexed error(int col, String message, String maybe) {
        return new Lexed(List.of(), Optional.of(new Diagnostic(file, line, col, message, lines.line(line), maybe)));
    }
}
