package no.tilpass.engine.model;

import java.util.List;

/** The lines of a source file, for quoting the offending text in diagnostics. */
final class SourceLines {
    private final List<String> lines;

    SourceLines(String text) {
        this.lines = List.of(text.split("\r?\n", -1));
    }

    /** Line {@code number} (1-based) without its line break, or empty. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1).strip() : "";
    }
}
