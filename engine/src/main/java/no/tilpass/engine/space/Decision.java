package no.tilpass.engine.space;

/**
 * A user's decision: option {@code option} takes value {@code value}. A partial configuration is an
 * ordered list of decisions, oldest first.
 */
public record Decision(String option, String value) {
    /** Parses {@code NAME=VALUE}. */
    public static Decision parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not NAME=VALUE");
        }
        return new Decision(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }

    @Override
    public String toString() {
        return option + "=" + value;
    }
}
