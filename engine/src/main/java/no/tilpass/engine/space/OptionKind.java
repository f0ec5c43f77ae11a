package no.tilpass.engine.space;

/** What kind of values an option takes. */
public enum OptionKind {
    /** Values {@code "true"} and {@code "false"}. */
    BOOLEAN,
    /** Named values. */
    ENUM,
    /** Integers in a bounded range with a step; values are decimal strings. */
    INTEGER
}
