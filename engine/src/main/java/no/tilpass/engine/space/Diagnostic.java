package no.tilpass.engine.space;

/**
 * A problem found in a model file, for a human: where, what, the offending text and the likely fix.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 when the problem is not at one place
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong, naming the field and value
 * @param offendingText the text at that place (may be empty)
 * @param maybe the likely fix, without the leading "Maybe" (may be empty)
 */
public record Diagnostic(String file, int line, int column, String message, String offendingText, String maybe) {

    /**
     * Renders the diagnostic as the CLI prints it:
     *
     * <pre>
     * window.tpm:12:5: unknown option 'widht'
     *   widht * height &lt;= 3200000
     * Maybe you meant 'width'.
     * </pre>
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(message);
        if (!offendingText.isBlank()) {
            sb.append(System.lineSeparator()).append("  ").append(offendingText.strip());
        }
        if (!maybe.isBlank()) {
            sb.append(System.lineSeparator()).append("Maybe ").append(maybe);
        }
        return sb.toString();
    }
}
