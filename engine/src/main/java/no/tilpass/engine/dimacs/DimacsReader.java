package no.tilpass.engine.dimacs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilpass.engine.space.Cnf;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.Rule;
import no.tilpass.engine.space.SolutionSpace;

/**
 * Reads a DIMACS CNF file into a {@link SolutionSpace}: one boolean option per variable (named by its
 * {@code c N name} comment where present, else by its number) and one rule per clause.
 */
public final class DimacsReader {
    private DimacsReader() {}

    /** Reads {@code file}; never throws for bad content, only returns {@link LoadResult.Failed}. */
    public static LoadResult read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return new LoadResult.Failed(List.of(new Diagnostic(
                    file.toString(), 0, 0, "cannot read the file: " + e.getMessage(), "", "check the path.")));
        }
        return parse(file.toString(), text);
    }

    /** Parses DIMACS text; {@code fileName} is used in diagnostics only. */
    public static LoadResult parse(String fileName, String text) {
        return new Parse(fileName, text).run();
    }

    /** The most variables a file may declare (each becomes an option). */
    static final int MAX_VARIABLES = 10_000_000;

    private static final int MAX_ERRORS = 20;

    /** One pass over the text, line by line, token by token, with 1-based columns. */
    private static final class Parse {
        private final String file;
        private final String text;
        private final Map<Integer, String> names = new HashMap<>();
        private final List<int[]> clauses = new ArrayList<>();
        private final List<Diagnostic> errors = new ArrayList<>();
        private int declaredVars = -1;
        private int declaredClauses = -1;
        private int problemLine;
        private int clauseCountColumn;
        private int[] buffer = new int[16];
        private int size;
        private int clauseLine;
        private int clauseColumn;
        private int lineNo;
        private int lineStart;
        private int lineEnd;

        Parse(String file, String text) {
            this.file = file;
            this.text = text;
        }

        private String lineText() {
            return text.substring(lineStart, lineEnd);
        }

        private void error(int column, String message, String maybe) {
            errors.add(new Diagnostic(file, lineNo, column, message, lineText(), maybe));
        }

        LoadResult run() {
            int pos = 0;
            int n = text.length();
            lines:
            while (pos < n && errors.size() < MAX_ERRORS) {
                int end = text.indexOf('\n', pos);
                if (end < 0) {
                    end = n;
                }
                lineNo++;
                lineStart = pos;
                lineEnd = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
                pos = end + 1;
                int s = skipSpaces(lineStart);
                if (s == lineEnd) {
                    continue;
                }
                char first = text.charAt(s);
                boolean word = s + 1 == lineEnd || isSpace(text.charAt(s + 1));
                if (first == 'c' && word) {
                    comment(s + 1);
                    continue;
                }
                if (first == '%') {
                    break; // SATLIB files end their clauses with a line '%'
                }
                if (first == 'p' && word) {
                    int before = errors.size();
                    problem(s);
                    if (errors.size() > before) {
                        break; // the clauses cannot be checked against a broken problem line
                    }
                    continue;
                }
                int t = s;
                while (t < lineEnd) {
                    int te = t;
                    while (te < lineEnd && !isSpace(text.charAt(te))) {
                        te++;
                    }
                    int column = t - lineStart + 1;
                    String token = text.substring(t, te);
                    if (declaredVars < 0) {
                        error(
                                column,
                                "'" + token + "' before the problem line",
                                Character.isLetter(first)
                                        ? "comment lines start with 'c ' and the problem line is 'p cnf VARIABLES"
                                                + " CLAUSES'."
                                        : "start the file with 'p cnf VARIABLES CLAUSES'.");
                        break lines;
                    }
                    long lit = literal(token);
                    if (lit == Long.MIN_VALUE) {
                        error(
                                column,
                                "'" + token + "' is not a literal",
                                Character.isLetter(token.charAt(0)) && t == s
                                        ? "comment lines start with 'c ' (c and a space)."
                                        : "a clause is signed variable numbers ended by 0, like '1 -3 0'.");
                        continue lines;
                    }
                    if (lit == 0) {
                        clauses.add(Arrays.copyOf(buffer, size));
                        size = 0;
                    } else {
                        if (Math.abs(lit) > declaredVars) {
                            error(
                                    column,
                                    "variable " + Math.abs(lit) + " exceeds the " + declaredVars
                                            + " variables declared at line " + problemLine,
                                    "raise the variable count in the 'p cnf' line, or correct the literal.");
                            continue lines;
                        }
                        if (size == 0) {
                            clauseLine = lineNo;
                            clauseColumn = column;
                        }
                        if (size == buffer.length) {
                            buffer = Arrays.copyOf(buffer, size * 2);
                        }
                        buffer[size++] = (int) lit;
                    }
                    t = skipSpaces(te);
                }
            }
            return finish();
        }

        private LoadResult finish() {
            if (errors.isEmpty() && declaredVars < 0) {
                errors.add(new Diagnostic(
                        file,
                        0,
                        0,
                        "no 'p cnf' problem line",
                        "",
                        "is this a DIMACS CNF file? It must contain 'p cnf VARIABLES CLAUSES'."));
            }
            if (errors.isEmpty() && size > 0) {
                errors.add(new Diagnostic(
                        file,
                        clauseLine,
                        clauseColumn,
                        "the last clause is not ended by 0 (truncated file?)",
                        lineAt(clauseLine),
                        "check that the file was copied completely, or end the clause with ' 0'."));
            }
            if (errors.isEmpty() && declaredClauses >= 0 && clauses.size() != declaredClauses) {
                errors.add(new Diagnostic(
                        file,
                        problemLine,
                        clauseCountColumn,
                        "the problem line declares " + declaredClauses + " clauses but the file has " + clauses.size(),
                        lineAt(problemLine),
                        clauses.size() < declaredClauses
                                ? "the file may be truncated; check that it was copied completely, or write "
                                        + clauses.size() + " in the 'p cnf' line."
                                : "write " + clauses.size() + " as the clause count in the 'p cnf' line."));
            }
            if (!errors.isEmpty()) {
                return new LoadResult.Failed(errors);
            }
            List<Diagnostic> warnings = new ArrayList<>();
            for (Map.Entry<Integer, String> e : names.entrySet()) {
                if (e.getKey() < 1 || e.getKey() > declaredVars) {
                    warnings.add(new Diagnostic(
                            file,
                            0,
                            0,
                            "comment names variable " + e.getKey() + " ('" + e.getValue()
                                    + "'), which is not among the " + declaredVars
                                    + " declared variables; the name is ignored",
                            "",
                            "check the 'c N name' lines."));
                }
            }
            return new LoadResult.Loaded(build(file, declaredVars, clauses, names), warnings);
        }

        private String lineAt(int number) {
            int p = 0;
            for (int i = 1; i < number && p >= 0; i++) {
                p = text.indexOf('\n', p);
                p = p < 0 ? -1 : p + 1;
            }
            if (p < 0) {
                return "";
            }
            int e = text.indexOf('\n', p);
            return text.substring(p, e < 0 ? text.length() : e).replace("\r", "");
        }

        private void comment(int from) {
            int a = skipSpaces(from);
            int b = a;
            while (b < lineEnd && Character.isDigit(text.charAt(b))) {
                b++;
            }
            if (b == a || b - a > 9 || b == lineEnd || !isSpace(text.charAt(b))) {
                return; // an ordinary comment
            }
            String name = text.substring(b, lineEnd).strip();
            if (!name.isEmpty()) {
                names.put(Integer.parseInt(text.substring(a, b)), name);
            }
        }

        private void problem(int s) {
            int column = s - lineStart + 1;
            if (declaredVars >= 0) {
                error(column, "a second problem line", "keep only the first 'p cnf' line (line " + problemLine + ").");
                return;
            }
            List<int[]> spans = new ArrayList<>();
            int t = s;
            while (t < lineEnd) {
                int te = t;
                while (te < lineEnd && !isSpace(text.charAt(te))) {
                    te++;
                }
                spans.add(new int[] {t, te});
                t = skipSpaces(te);
            }
            if (spans.size() < 2
                    || !text.substring(spans.get(1)[0], spans.get(1)[1]).equals("cnf")) {
                error(
                        spans.size() < 2 ? lineEnd - lineStart + 1 : spans.get(1)[0] - lineStart + 1,
                        "the problem line is not 'p cnf VARIABLES CLAUSES'",
                        "only CNF is supported; write 'p cnf VARIABLES CLAUSES'.");
                declaredVars = 0;
                return;
            }
            if (spans.size() != 4) {
                int at = spans.size() > 4 ? spans.get(4)[0] : lineEnd;
                error(
                        at - lineStart + 1,
                        spans.size() > 4 ? "unexpected text after the clause count" : "the problem line lacks counts",
                        "write 'p cnf VARIABLES CLAUSES' with two non-negative integers.");
                declaredVars = 0;
                return;
            }
            long vars = count(spans.get(2));
            long cls = count(spans.get(3));
            problemLine = lineNo;
            clauseCountColumn = spans.get(3)[0] - lineStart + 1;
            if (vars < 0 || vars > MAX_VARIABLES) {
                error(
                        spans.get(2)[0] - lineStart + 1,
                        "the variable count '" + text.substring(spans.get(2)[0], spans.get(2)[1]) + "' is not "
                                + (vars < 0 ? "a non-negative integer" : "at most " + MAX_VARIABLES),
                        "write 'p cnf VARIABLES CLAUSES' with two non-negative integers.");
                declaredVars = 0;
                return;
            }
            if (cls < 0 || cls > Integer.MAX_VALUE) {
                error(
                        clauseCountColumn,
                        "the clause count '" + text.substring(spans.get(3)[0], spans.get(3)[1])
                                + "' is not a non-negative integer",
                        "write 'p cnf VARIABLES CLAUSES' with two non-negative integers.");
                declaredVars = (int) vars;
                return;
            }
            declaredVars = (int) vars;
            declaredClauses = (int) cls;
        }

        private long count(int[] span) {
            if (span[1] - span[0] > 10) {
                return -1;
            }
            long v = 0;
            for (int i = span[0]; i < span[1]; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }

        /** The literal's value, or {@link Long#MIN_VALUE} when the token is not an integer. */
        private static long literal(String token) {
            int i = token.charAt(0) == '-' ? 1 : 0;
            if (i == token.length() || token.length() - i > 10) {
                return Long.MIN_VALUE;
            }
            long v = 0;
            for (; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c < '0' || c > '9') {
                    return Long.MIN_VALUE;
                }
                v = v * 10 + (c - '0');
            }
            return token.charAt(0) == '-' ? -v : v;
        }

        private int skipSpaces(int from) {
            int p = from;
            while (p < lineEnd && isSpace(text.charAt(p))) {
                p++;
            }
            return p;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\f' || c == '\u000b';
        }
    }

    private static SolutionSpace build(String fileName, int vars, List<int[]> clauseList, Map<Integer, String> names) {
        List<Option> options = new ArrayList<>(vars);
        Set<String> used = new HashSet<>();
        for (int v = 1; v <= vars; v++) {
            String name = names.getOrDefault(v, Integer.toString(v));
            if (!used.add(name)) {
                name = name + "#" + v;
                used.add(name);
            }
            options.add(Option.bool(name, v, -1));
        }
        int[][] clauses = clauseList.toArray(new int[0][]);
        int[] ruleOf = new int[clauses.length];
        for (int i = 0; i < ruleOf.length; i++) {
            ruleOf[i] = i;
        }
        List<String> optionNames = options.stream().map(Option::name).toList();
        List<Rule> rules = new ClauseRules(clauses, optionNames, fileName);
        String base = Path.of(fileName).getFileName().toString();
        return new SolutionSpace(base, options, rules, new Cnf(vars, clauses, ruleOf));
    }

    /** One rule per clause, built on demand so that large models keep no rule objects. */
    private static final class ClauseRules extends AbstractList<Rule> {
        private final int[][] clauses;
        private final List<String> names;
        private final String fileName;

        ClauseRules(int[][] clauses, List<String> names, String fileName) {
            this.clauses = clauses;
            this.names = names;
            this.fileName = fileName;
        }

        @Override
        public Rule get(int index) {
            StringBuilder text = new StringBuilder();
            for (int lit : clauses[index]) {
                if (text.length() > 0) {
                    text.append(" or ");
                }
                text.append(lit < 0 ? "not " : "").append(names.get(Math.abs(lit) - 1));
            }
            return new Rule("clause " + (index + 1), "clause " + (index + 1), text.toString(), fileName);
        }

        @Override
        public int size() {
            return clauses.length;
        }
    }
}
