package no.tilpass.engine.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import no.tilpass.engine.clib.ClibReader;
import no.tilpass.engine.dimacs.DimacsReader;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.uvl.UvlReader;

/**
 * Loads a model from a native {@code .tpm} file, a DIMACS {@code .dimacs}/{@code .cnf} file, a
 * {@code .uvl} file or a CLib directory ({@code domains.txt} + {@code rules/*.pm}).
 */
public final class ModelFiles {
    private ModelFiles() {}

    /** Loads {@code path}, choosing the reader by its type; bad input is a {@link LoadResult.Failed}. */
    public static LoadResult load(Path path) {
        if (!Files.exists(path)) {
            Path parent = path.toAbsolutePath().getParent();
            return failed(
                    path,
                    "no such file or directory",
                    parent != null && Files.isDirectory(parent)
                            ? "check the spelling; the directory " + parent + " exists."
                            : "check the path; it is read relative to "
                                    + Path.of("").toAbsolutePath() + ".");
        }
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("domains.txt"))) {
                return ClibReader.read(path);
            }
            return failed(
                    path,
                    "a directory that is not a CLib model (no domains.txt)",
                    "name a model file (.tpm, .uvl, .dimacs, .cnf) or a CLib directory with domains.txt and rules/.");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tpm")) {
            return ModelLoader.loadSpace(path);
        }
        if (name.endsWith(".dimacs") || name.endsWith(".cnf")) {
            return DimacsReader.read(path);
        }
        if (name.endsWith(".uvl")) {
            return UvlReader.read(path);
        }
        return failed(
                path,
                "unknown model format '" + name + "'",
                "use a native model (.tpm), DIMACS (.dimacs, .cnf), UVL (.uvl) or a CLib directory.");
    }

    private static LoadResult failed(Path path, String message, String maybe) {
        return new LoadResult.Failed(List.of(new Diagnostic(path.toString(), 0, 0, message, "", maybe)));
    }
}
