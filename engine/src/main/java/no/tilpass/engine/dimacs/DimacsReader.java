package no.tilpass.engine.dimacs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
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
        Map<Integer, String> names = new HashMap<>();
        List<int[]> clauses = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        int declaredVars = -1;
        int declaredClauses = -1;
        int[] buffer = new int[16];
        int size = 0;
        int lineNo = 0;
        int lastClauseLine = 0;
        int pos = 0;
        int n = text.length();
        while (pos < n && errors.size() < 20) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            String line = text.substring(pos, end);
            pos = end + 1;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("%")) {
                continue;
            }
            if (trimmed.startsWith("c")) {
                String[] parts = trimmed.split("\\s+", 3);
                if (parts.length == 3 && parts[0].equals("c")) {
                    try {
                        names.put(Integer.parseInt(parts[1]), parts[2].strip());
                    } catch (NumberFormatException ignored) {
                        // an ordinary comment
                    }
                }
                continue;
            }
            if (trimmed.startsWith("p")) {
                String[] parts = trimmed.split("\\s+");
                if (parts.length != 4 || !parts[1].equals("cnf")) {
                    errors.add(new Diagnostic(
                            fileName,
                            lineNo,
                            1,
                            "malformed problem line",
                            trimmed,
                            "write 'p cnf VARIABLES CLAUSES'."));
                    continue;
                }
                try {
                    declaredVars = Integer.parseInt(parts[2]);
                    declaredClauses = Integer.parseInt(parts[3]);
                } catch (NumberFormatException e) {
                    errors.add(new Diagnostic(
                            fileName,
                            lineNo,
                            1,
                            "the problem line's counts are not integers",
                            trimmed,
                            "write 'p cnf VARIABLES CLAUSES' with two non-negative integers."));
                }
                continue;
            }
            if (declaredVars < 0) {
                errors.add(new Diagnostic(
                        fileName,
                        lineNo,
                        1,
                        "clause before the problem line",
                        trimmed,
                        "start the file with 'p cnf VARIABLES CLAUSES'."));
                break;
            }
            int col = 0;
            for (String token : trimmed.split("\\s+")) {
                col = line.indexOf(token, col) + 1;
                int lit;
                try {
                    lit = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    errors.add(new Diagnostic(
                            fileName,
                            lineNo,
                            col,
                            "'" + token + "' is not a literal",
                            line,
                            "a clause is signed variable numbers ended by 0."));
                    break;
                }
                if (lit == 0) {
                    clauses.add(java.util.Arrays.copyOf(buffer, size));
                    size = 0;
                    lastClauseLine = lineNo;
                } else {
                    if (Math.abs(lit) > declaredVars) {
                        errors.add(new Diagnostic(
                                fileName,
                                lineNo,
                                col,
                                "variable " + Math.abs(lit) + " exceeds the declared " + declaredVars + " variables",
                                line,
                                "raise the variable count in the 'p cnf' line."));
                        break;
                    }
                    if (size == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, size * 2);
                    }
                    buffer[size++] = lit;
                }
            }
        }
        if (errors.isEmpty() && declaredVars < 0) {
            errors.add(new Diagnostic(
                    fileName,
                    0,
                    0,
                    "no 'p cnf' problem line",
                    "",
                    "is this a DIMACS CNF file? It must contain 'p cnf VARIABLES CLAUSES'."));
        }
        if (errors.isEmpty() && size > 0) {
            errors.add(new Diagnostic(
                    fileName,
                    lineNo,
                    0,
                    "the last clause is not ended by 0 (truncated file?)",
                    "",
                    "check that the file was copied completely."));
        }
        if (errors.isEmpty() && declaredClauses >= 0 && clauses.size() != declaredClauses) {
            errors.add(new Diagnostic(
                    fileName,
                    lastClauseLine,
                    0,
                    "the problem line declares " + declaredClauses + " clauses but the file has " + clauses.size(),
                    "",
                    clauses.size() < declaredClauses
                            ? "the file is truncated; check that it was copied completely."
                            : "correct the clause count in the 'p cnf' line."));
        }
        if (!errors.isEmpty()) {
            return new LoadResult.Failed(errors);
        }
        return new LoadResult.Loaded(build(fileName, declaredVars, clauses, names), List.of());
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
