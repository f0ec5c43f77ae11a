package no.tilpass.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import no.tilpass.engine.load.ModelFiles;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.SolutionSpace;

/** Loads the MODEL argument and prints its diagnostics. */
final class ModelInput {
    private ModelInput() {}

    /** The loaded space, or empty after printing the errors to {@code err}. */
    static Optional<Loaded> load(Path path, PrintWriter err) {
        long start = System.nanoTime();
        LoadResult result = ModelFiles.load(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result instanceof LoadResult.Failed failed) {
            for (Diagnostic d : failed.errors()) {
                err.println("error: " + d.format());
            }
            int n = failed.errors().size();
            err.println(n + " error" + (n == 1 ? "" : "s") + " in " + path);
            return Optional.empty();
        }
        LoadResult.Loaded loaded = (LoadResult.Loaded) result;
        for (Diagnostic d : loaded.warnings()) {
            err.println("warning: " + d.format());
        }
        return Optional.of(new Loaded(loaded.space(), millis));
    }

    record Loaded(SolutionSpace space, long loadMillis) {}
}
