package no.tilpass.engine.space;

import java.util.List;

/** The outcome of loading a model: a solution space, or the problems that prevent it. */
public sealed interface LoadResult {

    /** The model loaded; {@code warnings} may still name problems that did not prevent it. */
    record Loaded(SolutionSpace space, List<Diagnostic> warnings) implements LoadResult {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** The model did not load; {@code errors} is never empty. */
    record Failed(List<Diagnostic> errors) implements LoadResult {
        public Failed {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed load names at least one error");
            }
        }
    }
}
