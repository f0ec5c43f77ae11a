package no.tilpass.engine.clib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Nearest;

/**
 * Parses one {@code .pm} table: {@code or(}, tuple lines {@code A = x and B = y}, {@code or)}. Nested
 * {@code or( ... or)} blocks are disjunctions too, so their tuples join the table. Scans the text in
 * place (tables have tens of thousands of lines); line strings are only built for diagnostics.
 */
final class TableParser {
    private final String file;
    private final String text;
    private final List<Domain> domains;
    private final Map<String, Integer> byName;
    private final List<Diagnostic> errors;
    private int lineNo;
    private int lineStart;
    private int lineEnd;
    private int pos;
    private int[] pairs = new int[32];
    private int pairCount;
    private final int[] seenOnLine;

    TableParser(String file, String text, List<Domain> domains, Map<String, Integer> byName, List<Diagnostic> errors) {
        this.file = file;
        this.text = text;
        this.domains = domains;
        this.byName = byName;
        this.errors = errors;
        this.seenOnLine = new int[domains.size()];
    }

    /** The table, or null after reporting its errors. */
    Table table(String fileName) {
        int errorsBefore = errors.size();
        int depth = 0;
        boolean opened = false;
        boolean closed = false;
        int closedAt = 0;
        int[] columnOf = new int[domains.size()];
        Arrays.fill(columnOf, -1);
        int[] variables = new int[8];
        int columns = 0;
        List<int[]> raw = new ArrayList<>();
        int p = 0;
        int n = text.length();
        while (p < n && errors.size() < errorsBefore + 10) {
            int end = text.indexOf('\n', p);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            lineStart = p;
            lineEnd = end > p && text.charAt(end - 1) == '\r' ? end - 1 : end;
            p = end + 1;
            int s = lineStart;
            while (s < lineEnd && isSpace(text.charAt(s))) {
                s++;
            }
            int e = lineEnd;
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                continue;
            }
            int column = s - lineStart + 1;
            if (closed) {
                error(
                        column,
                        "text after the 'or)' that closed the table at line " + closedAt,
                        "put each table in its own .pm file.");
                break;
            }
            if (e - s == 3 && text.startsWith("or(", s)) {
                opened = true;
                depth++;
                continue;
            }
            if (e - s == 3 && text.startsWith("or)", s)) {
                if (depth == 0) {
                    error(column, "'or)' without 'or('", "start the table with a line 'or('.");
                    break;
                }
                depth--;
                if (depth == 0) {
                    closed = true;
                    closedAt = lineNo;
                }
                continue;
            }
            if (!opened) {
                error(column, "a tuple before 'or(' opened the table", "start the table with a line 'or('.");
                break;
            }
            pos = s;
            lineEnd = e;
            if (!tuple()) {
                continue;
            }
            for (int i = 0; i < pairCount; i += 2) {
                if (columnOf[pairs[i]] < 0) {
                    if (columns == variables.length) {
                        variables = Arrays.copyOf(variables, columns * 2);
                    }
                    columnOf[pairs[i]] = columns;
                    variables[columns++] = pairs[i];
                }
            }
            raw.add(Arrays.copyOf(pairs, pairCount));
        }
        if (errors.size() == errorsBefore && !closed) {
            errors.add(new Diagnostic(
                    file,
                    lineNo,
                    0,
                    opened ? depth + " 'or(' not closed by 'or)' (truncated file?)" : "no table: 'or(' is missing",
                    "",
                    opened ? "end the table with a line 'or)'." : "write 'or(', one tuple per line, then 'or)'."));
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        List<int[]> tuples = new ArrayList<>(raw.size());
        for (int[] r : raw) {
            int[] t = new int[columns];
            Arrays.fill(t, -1);
            for (int i = 0; i < r.length; i += 2) {
                t[columnOf[r[i]]] = r[i + 1];
            }
            tuples.add(t);
        }
        String name = fileName.endsWith(".pm") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return new Table(fileName, name, Arrays.copyOf(variables, columns), tuples);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private void error(int column, String message, String maybe) {
        int end = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, end < 0 ? text.length() : end).replace("\r", "");
        errors.add(new Diagnostic(file, lineNo, column, message, line, maybe));
    }

    private int column() {
        return pos - lineStart + 1;
    }

    /** Reads {@code var = value (and var = value)*} into {@code pairs}; false after reporting an error. */
    private boolean tuple() {
        pairCount = 0;
        while (true) {
            skipSpaces();
            int nameCol = column();
            String name = word();
            if (name.isEmpty()) {
                error(
                        nameCol,
                        pos < lineEnd
                                ? "expected a variable but found '" + text.charAt(pos) + "'"
                                : "the tuple ends after 'and'",
                        "write a tuple as 'Var1 = a and Var2 = b'.");
                return false;
            }
            skipSpaces();
            if (pos >= lineEnd || text.charAt(pos) != '=') {
                error(column(), "expected '=' after " + name, "write a tuple as 'Var1 = a and Var2 = b'.");
                return false;
            }
            pos++;
            skipSpaces();
            int valueCol = column();
            String value = word();
            if (value.isEmpty()) {
                error(valueCol, "missing value after '" + name + " ='", "write a tuple as 'Var1 = a and Var2 = b'.");
                return false;
            }
            Integer var = byName.get(name);
            if (var == null) {
                String near = Nearest.meant(name, byName.keySet());
                error(
                        nameCol,
                        "unknown variable '" + name + "'",
                        near.isEmpty() ? "declare it in domains.txt as '" + name + " : " + value + ", ...'." : near);
                return false;
            }
            Domain d = domains.get(var);
            Integer index = d.index().get(value);
            if (index == null) {
                String near = Nearest.meant(value, d.values());
                error(
                        valueCol,
                        "variable " + name + " has no value '" + value + "'",
                        near.isEmpty() ? "its values are " + String.join(", ", d.values()) + "." : near);
                return false;
            }
            if (seenOnLine[var] == lineNo) {
                error(
                        nameCol,
                        "variable " + name + " appears twice in the tuple",
                        "keep one '" + name + " = ...' per line.");
                return false;
            }
            seenOnLine[var] = lineNo;
            if (pairCount + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[pairCount++] = var;
            pairs[pairCount++] = index;
            skipSpaces();
            if (pos >= lineEnd) {
                return true;
            }
            int andCol = column();
            String and = word();
            if (!and.equals("and")) {
                error(
                        andCol,
                        "expected 'and' but found '" + (and.isEmpty() ? String.valueOf(text.charAt(pos)) : and) + "'",
                        "join the assignments of a tuple with 'and'.");
                return false;
            }
        }
    }

    private void skipSpaces() {
        while (pos < lineEnd && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private String word() {
        int start = pos;
        while (pos < lineEnd) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '=') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }
}
