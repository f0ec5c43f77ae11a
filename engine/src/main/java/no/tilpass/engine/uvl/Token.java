package no.tilpass.engine.uvl;

/** One lexical token of a UVL file, with its 1-based position. */
record Token(Kind kind, String text, int line, int column) {
    enum Kind {
        /** A plain identifier such as {@code Pizza} or {@code mandatory}. */
        ID,
        /** A double-quoted name; {@code text} holds the content without quotes. */
        QUOTED,
        /** A single-quoted string literal; {@code text} holds the content without quotes. */
        STRING,
        NUMBER,
        SYMBOL
    }

    boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.ID) && text.equals(symbol);
    }

    boolean isName() {
        return kind == Kind.ID || kind == Kind.QUOTED;
    }

    /** The token as written, for messages. */
    String shown() {
        return switch (kind) {
            case QUOTED -> "\"" + text + "\"";
            case STRING -> "'" + text + "'";
            default -> text;
        };
    }
}
