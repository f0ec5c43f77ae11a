package no.tilpass.engine.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;

/**
 * Loads {@code .tpm} model files: parses, checks and compiles them into a {@link ProductModel} with its
 * {@link no.tilpass.engine.space.SolutionSpace}. Bad input gives {@link Result.Failed} with diagnostics;
 * nothing here throws for bad model text.
 */
public final class ModelLoader {
    private ModelLoader() {}

    /** The outcome of loading a model. */
    public sealed interface Result {
        /** The model loaded; {@code warnings} (e.g. missing label languages) did not prevent it. */
        record Loaded(ProductModel model, List<Diagnostic> warnings) implements Result {
            public Loaded {
                warnings = List.copyOf(warnings);
            }
        }

        /** The model did not load; {@code errors} is never empty. */
        record Failed(List<Diagnostic> errors, List<Diagnostic> warnings) implements Result {
            public Failed {
                errors = List.copyOf(errors);
                warnings = List.copyOf(warnings);
                if (errors.isEmpty()) {
                    throw new IllegalArgumentException("a failed load names at least one error");
                }
            }
        }
    }

    /**
     * Hook for the check that needs a SAT solver: given a compiled model, the errors to report, e.g.
     * "the model has no valid configuration; minimal conflicting rules: R3, R7". The engine's solver
     * plugs in here; {@link #NO_SATISFIABILITY_CHECK} reports nothing.
     */
    @FunctionalInterface
    public interface SatisfiabilityCheck {
        List<Diagnostic> check(ProductModel model);
    }

    /** A {@link SatisfiabilityCheck} that finds nothing (used until the solver is wired in). */
    public static final SatisfiabilityCheck NO_SATISFIABILITY_CHECK = model -> List.of();

    /** Loads {@code file} and the files it includes or uses as components (relative to it). */
    public static Result load(Path file) {
        return load(file, NO_SATISFIABILITY_CHECK);
    }

    /** Loads {@code file}, then runs {@code check} on the compiled model. */
    public static Result load(Path file, SatisfiabilityCheck check) {
        String display = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result.Failed(
                    List.of(new Diagnostic(
                            display, 0, 0, "cannot read the model file: " + e.getMessage(), "", "check the path.")),
                    List.of());
        }
        return run(display, text, new FileSources(Path.of("")), check, Encoder.Limits.DEFAULT);
    }

    /**
     * Parses model text. {@code fileName} names it in diagnostics; includes and components resolve
     * relative to {@code fileName}'s folder inside {@code directory}.
     */
    public static Result parse(String fileName, String text, Path directory) {
        return run(fileName, text, new FileSources(directory), NO_SATISFIABILITY_CHECK, Encoder.Limits.DEFAULT);
    }

    /** As {@link #parse(String, String, Path)} with other encoding limits (tests). */
    static Result parse(String fileName, String text, Path directory, Encoder.Limits limits) {
        return run(fileName, text, new FileSources(directory), NO_SATISFIABILITY_CHECK, limits);
    }

    /** Parses model text whose includes and components resolve relative to the working directory. */
    public static Result parse(String fileName, String text) {
        return parse(fileName, text, Path.of(""));
    }

    /** Loads {@code file} as a plain {@link LoadResult} for tools that only need the solution space. */
    public static LoadResult loadSpace(Path file) {
        Result r = load(file);
        if (r instanceof Result.Loaded l) {
            return new LoadResult.Loaded(l.model().space(), l.warnings());
        }
        return new LoadResult.Failed(((Result.Failed) r).errors());
    }

    private static Result run(
            String display, String text, Checker.Sources sources, SatisfiabilityCheck check, Encoder.Limits limits) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        Map<String, SourceLines> lines = new HashMap<>();
        Checker checker = new Checker(sources, lines, errors, warnings, c -> compile(c, lines, errors, limits));
        Syntax.FileDecl file = checker.parse(display, text);
        Optional<ProductModel> model = Optional.empty();
        if (file != null) {
            model = checker.check(file).flatMap(c -> compile(c, lines, errors, limits));
        }
        if (model.isPresent() && errors.isEmpty()) {
            errors.addAll(check.check(model.get()));
        }
        if (!errors.isEmpty() || model.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(new Diagnostic(display, 0, 0, "the model did not load", "", "see the warnings."));
            }
            return new Result.Failed(errors, warnings);
        }
        return new Result.Loaded(model.get(), warnings);
    }

    private static Optional<ProductModel> compile(
            Checker.Checked c, Map<String, SourceLines> lines, List<Diagnostic> errors, Encoder.Limits limits) {
        Encoder.Encoded encoded = Encoder.encode(c.name(), c.options(), c.rules(), lines, limits);
        if (!encoded.errors().isEmpty()) {
            errors.addAll(encoded.errors());
            return Optional.empty();
        }
        return Optional.of(new ProductModel(
                c.name(),
                c.file(),
                c.labels(),
                c.firm(),
                c.version(),
                c.languages(),
                c.groups(),
                c.options(),
                c.rules(),
                c.price(),
                c.bom(),
                c.routing(),
                c.components(),
                encoded.space()));
    }

    /** Reads files below a root directory. */
    private static final class FileSources implements Checker.Sources {
        private final Path root;

        FileSources(Path root) {
            this.root = root;
        }

        @Override
        public Optional<String> read(String path) {
            Path p = root.resolve(path);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public List<String> siblings(String path) {
            Path parent = root.resolve(path).getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(parent)) {
                return s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".tpm"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
