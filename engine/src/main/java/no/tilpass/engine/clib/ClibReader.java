package no.tilpass.engine.clib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;

/**
 * Reads a CLib benchmark directory: {@code domains.txt} ({@code Var : a, b, c} per line) and {@code
 * rules/*.pm} tables ({@code or(}, one allowed tuple {@code VarA = x and VarB = y} per line, {@code
 * or)}). Each variable becomes an ENUM option; each table becomes one rule, named by its file, that a
 * configuration must match one of its tuples on the table's variables.
 */
public final class ClibReader {
    private static final int MAX_ERRORS = 20;

    private ClibReader() {}

    /** Reads the benchmark in {@code directory}; never throws for bad content. */
    public static LoadResult read(Path directory) {
        List<Diagnostic> errors = new ArrayList<>();
        Path domainsFile = directory.resolve("domains.txt");
        Path rulesDir = directory.resolve("rules");
        String domainsText;
        List<Path> ruleFiles;
        try {
            domainsText = Files.readString(domainsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return failed(
                    domainsFile,
                    "cannot read the domains: " + e.getMessage(),
                    "a CLib directory holds domains.txt and a rules/ folder of .pm tables.");
        }
        try (Stream<Path> files = Files.list(rulesDir)) {
            ruleFiles = files.filter(p -> p.getFileName().toString().endsWith(".pm"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return failed(
                    rulesDir,
                    "cannot list the rule tables: " + e.getMessage(),
                    "a CLib directory holds domains.txt and a rules/ folder of .pm tables.");
        }
        List<Domain> domains = domains(domainsFile.toString(), domainsText, errors);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < domains.size(); i++) {
            byName.put(domains.get(i).name(), i);
        }
        List<Table> tables = new ArrayList<>();
        for (Path file : ruleFiles) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                errors.add(new Diagnostic(
                        file.toString(),
                        0,
                        0,
                        "cannot read the table: " + e.getMessage(),
                        "",
                        "check the file's permissions."));
                continue;
            }
            Table t = new TableParser(file.toString(), text, domains, byName, errors)
                    .table(file.getFileName().toString());
            if (t != null) {
                tables.add(t);
            }
        }
        if (ruleFiles.isEmpty() && errors.isEmpty()) {
            errors.add(new Diagnostic(
                    rulesDir.toString(),
                    0,
                    0,
                    "no .pm tables in the rules folder",
                    "",
                    "put the tables, one per file named NAME.pm, in " + rulesDir + "."));
        }
        if (!errors.isEmpty()) {
            return new LoadResult.Failed(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        String name = directory.toAbsolutePath().normalize().getFileName().toString();
        return new LoadResult.Loaded(TableEncoder.encode(name, domains, tables), List.of());
    }

    private static LoadResult failed(Path where, String message, String maybe) {
        return new LoadResult.Failed(List.of(new Diagnostic(where.toString(), 0, 0, message, "", maybe)));
    }

    /** Parses {@code Name : v1, v2, ...} lines. */
    static List<Domain> domains(String file, String text, List<Diagnostic> errors) {
        Map<String, Domain> result = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replace("\r", "");
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                errors.add(new Diagnostic(
                        file,
                        n + 1,
                        1,
                        "a domain line needs ':' between variable and values",
                        line,
                        "write 'Var1 : a, b, c'."));
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                errors.add(new Diagnostic(
                        file,
                        n + 1,
                        1,
                        "'" + name + "' is not a variable name",
                        line,
                        "write 'Var1 : a, b, c' with a name without spaces."));
                continue;
            }
            List<String> values = new ArrayList<>();
            int start = colon + 1;
            boolean ok = true;
            while (start <= line.length()) {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? line.length() : comma;
                String value = line.substring(start, end).strip();
                int column = start
                        + 1
                        + (line.substring(start, end).length()
                                - line.substring(start, end).stripLeading().length());
                if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
                    errors.add(new Diagnostic(
                            file,
                            n + 1,
                            column,
                            value.isEmpty()
                                    ? "empty value in the domain of " + name
                                    : "value '" + value + "' of " + name + " contains a space",
                            line,
                            "separate values by single commas: 'Var1 : a, b, c'."));
                    ok = false;
                    break;
                }
                if (values.contains(value)) {
                    errors.add(new Diagnostic(
                            file,
                            n + 1,
                            column,
                            "value '" + value + "' appears twice in the domain of " + name,
                            line,
                            "remove the second '" + value + "'."));
                    ok = false;
                    break;
                }
                values.add(value);
                if (comma < 0) {
                    break;
                }
                start = comma + 1;
            }
            if (!ok) {
                continue;
            }
            if (result.containsKey(name)) {
                errors.add(new Diagnostic(
                        file,
                        n + 1,
                        1,
                        "variable " + name + " is declared twice",
                        line,
                        "merge it with line " + lineOf.get(name) + "."));
                continue;
            }
            lineOf.put(name, n + 1);
            result.put(name, Domain.of(name, values));
        }
        if (result.isEmpty() && errors.isEmpty()) {
            errors.add(new Diagnostic(
                    file, 0, 0, "no variables declared", "", "write one 'Var1 : a, b, c' line per variable."));
        }
        return List.copyOf(result.values());
    }
}
