package no.tilpass.engine.uvl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Nearest;

/**
 * Reads UVL feature models. Each feature becomes a boolean option named by the feature; the tree becomes
 * rules {@code root:ROOT} and {@code tree:PARENT}; each Boolean cross-tree constraint becomes rule {@code
 * constraint N} (N counts the constraints in file order). Typed feature values and constraints that
 * compare numbers or strings are reported as warnings and not enforced.
 */
public final class UvlReader {
    private static final int MAX_IMPORT_DEPTH = 16;

    private UvlReader() {}

    /** Reads {@code file}, resolving imports relative to its directory; never throws for bad content. */
    public static LoadResult read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new LoadResult.Failed(List.of(new Diagnostic(
                    file.toString(), 0, 0, "cannot read the file: " + e.getMessage(), "", "check the path.")));
        }
        Path dir = file.toAbsolutePath().getParent();
        return load(file.toString(), text, dir);
    }

    /**
     * Parses UVL text; {@code fileName} is used in diagnostics and as the space's name. A model with
     * imports needs {@link #read(Path)}.
     */
    public static LoadResult parse(String fileName, String text) {
        return load(fileName, text, null);
    }

    private static LoadResult load(String fileName, String text, Path dir) {
        try {
            Model model = resolve(fileName, text, dir, new HashSet<>(), 0);
            String base = Path.of(fileName).getFileName().toString();
            Encoder.Result r = Encoder.encode(fileName, base, model);
            return new LoadResult.Loaded(r.space(), r.warnings());
        } catch (UvlError e) {
            return new LoadResult.Failed(List.of(e.diagnostic()));
        } catch (StackOverflowError e) {
            return new LoadResult.Failed(List.of(new Diagnostic(
                    fileName, 0, 0, "the model nests too deeply to read", "", "split very long constraints.")));
        }
    }

    private static Model resolve(String fileName, String text, Path dir, Set<Path> open, int depth) {
        Parser.Parsed parsed = Parser.parse(fileName, text);
        Model model = parsed.model();
        for (Parser.Import imp : parsed.imports()) {
            Token at = imp.at();
            String relative = imp.path().replace('.', '/') + ".uvl";
            if (dir == null) {
                throw new UvlError(new Diagnostic(
                        fileName,
                        at.line(),
                        at.column(),
                        "cannot resolve import '" + imp.path() + "': the model was given as text, not as a file",
                        imp.lineText(),
                        "read the model with UvlReader.read(path) so that " + relative + " can be found."));
            }
            Path target = dir.resolve(relative).normalize();
            if (!Files.isRegularFile(target)) {
                throw new UvlError(new Diagnostic(
                        fileName,
                        at.line(),
                        at.column(),
                        "cannot resolve import '" + imp.path() + "': no file " + target,
                        imp.lineText(),
                        importHint(dir, target, imp.path())));
            }
            if (depth >= MAX_IMPORT_DEPTH || !open.add(target)) {
                throw new UvlError(new Diagnostic(
                        fileName,
                        at.line(),
                        at.column(),
                        "import '" + imp.path() + "' forms a cycle",
                        imp.lineText(),
                        "remove the import of a model that imports this one."));
            }
            String sub;
            try {
                sub = Files.readString(target, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UvlError(new Diagnostic(
                        fileName,
                        at.line(),
                        at.column(),
                        "cannot read import '" + imp.path() + "': " + e.getMessage(),
                        imp.lineText(),
                        "check the file's permissions."));
            }
            Model imported = resolve(target.toString(), sub, target.getParent(), open, depth + 1);
            open.remove(target);
            model = Imports.graft(fileName, model, imp, imported);
        }
        return model;
    }

    private static String importHint(Path dir, Path target, String path) {
        List<String> candidates = new ArrayList<>();
        Path folder = target.getParent();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".uvl"))
                        .map(n -> n.substring(0, n.length() - 4))
                        .sorted()
                        .forEach(candidates::add);
            } catch (IOException e) {
                // no hint then
            }
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        String near = Nearest.meant(last, candidates);
        return near.isEmpty()
                ? "place the imported model at " + dir.relativize(target) + ", or correct the import path."
                : near;
    }
}
