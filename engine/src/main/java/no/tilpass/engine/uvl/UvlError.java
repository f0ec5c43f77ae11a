package no.tilpass.engine.uvl;

import no.tilpass.engine.space.Diagnostic;

/** Aborts reading at the first problem; caught by {@link UvlReader}, never seen by callers. */
final class UvlError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    UvlError(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
