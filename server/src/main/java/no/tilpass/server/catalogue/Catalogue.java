package no.tilpass.server.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tilpass.engine.explanation.Explainer;
import no.tilpass.engine.explanation.ModelConsistency;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Rule;
import org.jdbi.v3.core.Jdbi;

/**
 * Firms, products and their immutable model versions. Compiled models are cached per product and
 * version; the index of versions is kept in memory and written through to the database in one transaction
 * per publication. Other server processes on the same database may publish too: the index is read again
 * when the database holds a different number of versions, checked at most once a second (D22).
 */
public final class Catalogue {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,120}\\.tpm");
    private static final long CHECK_NANOS = 1_000_000_000L; // how often the index is compared with the database
    private static final int PUBLISH_TRIES = 3;

    private final CatalogueStore store;
    private final Path workDir;
    private final Map<String, CompiledModel> compiled = new ConcurrentHashMap<>();
    private final Object publishLock = new Object();
    private volatile Index index;
    private volatile long checkedNanos;

    /** Every product's versions, oldest first (immutable), and how many versions that is in all. */
    private record Index(Map<String, List<ModelVersion>> versions, long count) {
        static Index of(List<ModelVersion> all) {
            Map<String, List<ModelVersion>> byProduct = new LinkedHashMap<>();
            for (ModelVersion v : all) {
                byProduct.computeIfAbsent(v.productId(), k -> new ArrayList<>()).add(v);
            }
            byProduct.replaceAll((k, list) -> List.copyOf(list));
            return new Index(Map.copyOf(byProduct), all.size());
        }

        Index with(ModelVersion v) {
            Map<String, List<ModelVersion>> more = new LinkedHashMap<>(versions);
            List<ModelVersion> list = new ArrayList<>(more.getOrDefault(v.productId(), List.of()));
            list.add(v);
            more.put(v.productId(), List.copyOf(list));
            return new Index(Map.copyOf(more), count + 1);
        }
    }

    /** A catalogue over the database; {@code workDir} holds short-lived folders for compiling. */
    public Catalogue(Jdbi jdbi, Path workDir) {
        this.store = new CatalogueStore(jdbi);
        this.workDir = workDir;
        this.index = Index.of(store.allVersions());
        this.checkedNanos = System.nanoTime();
    }

    /**
     * The index of versions, read again from the database when it holds another number of versions than
     * the index (another process published); compared at most once a second.
     */
    private Map<String, List<ModelVersion>> versions() {
        long now = System.nanoTime();
        if (now - checkedNanos >= CHECK_NANOS) {
            checkedNanos = now;
            reread();
        }
        return index.versions();
    }

    /** Reads the index again when the database holds another number of versions; true when it did. */
    private boolean reread() {
        if (store.versionCount() == index.count()) {
            return false;
        }
        synchronized (publishLock) {
            index = Index.of(store.allVersions());
        }
        return true;
    }

    /** The outcome of validating a model text. */
    public sealed interface Validation {
        /** The model compiles and has a valid configuration. */
        record Valid(ProductModel model, List<Diagnostic> warnings) implements Validation {
            public Valid {
                warnings = List.copyOf(warnings);
            }
        }

        /** What is wrong, each with file, line, column and a "Maybe" fix. */
        record Invalid(List<Diagnostic> errors) implements Validation {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    /** The outcome of publishing. */
    public sealed interface Publication {
        record Published(ModelVersion version, CompiledModel model) implements Publication {}

        record Rejected(List<Diagnostic> errors) implements Publication {
            public Rejected {
                errors = List.copyOf(errors);
            }
        }
    }

    public List<Firm> firms() {
        return store.firms();
    }

    public Optional<Firm> firm(String firmId) {
        return store.firm(firmId);
    }

    /** Adds a firm unless it exists; true when added. */
    public boolean addFirm(Firm firm) {
        return store.insertFirmIfAbsent(firm);
    }

    /** Every product id, in id order. */
    public List<String> productIds() {
        return versions().keySet().stream().sorted().toList();
    }

    /** The product ids of a firm, in id order. */
    public List<String> productIdsOf(String firmId) {
        return versions().entrySet().stream()
                .filter(e -> e.getValue().get(0).firmId().equals(firmId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Every published version of a product, oldest first; empty when there is no such product. */
    public List<ModelVersion> versions(String productId) {
        return versions().getOrDefault(productId, List.of());
    }

    /** The latest version number of a product, or 0 when there is none. */
    public int latestVersion(String productId) {
        List<ModelVersion> list = versions().get(productId);
        return list == null ? 0 : list.get(list.size() - 1).version();
    }

    /** True when some product was published from {@code fileName}. */
    public boolean hasFile(String fileName) {
        return versions().values().stream().anyMatch(l -> l.get(0).fileName().equals(fileName));
    }

    /** The compiled model of a product version, compiled once and cached; empty when there is no such version. */
    public Optional<CompiledModel> model(String productId, int version) {
        List<ModelVersion> list = versions().get(productId);
        if ((list == null || version > list.size()) && version >= 1 && reread()) {
            list = index.versions().get(productId); // published by another process within the last second
        }
        if (list == null || version < 1 || version > list.size()) {
            return Optional.empty();
        }
        String key = productId + "/" + version;
        CompiledModel cached = compiled.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        ModelVersion v = list.get(version - 1);
        ModelLoader.Result result = compile(v.fileName(), v.sourceText(), v.componentPins());
        if (result instanceof ModelLoader.Result.Loaded loaded) {
            CompiledModel model = CompiledModel.of(v, loaded.model());
            CompiledModel previous = compiled.putIfAbsent(key, model);
            return Optional.of(previous == null ? model : previous);
        }
        throw new IllegalStateException("published model " + key + " no longer compiles: "
                + ((ModelLoader.Result.Failed) result).errors().get(0).format());
    }

    /** The compiled latest version of a product. */
    public Optional<CompiledModel> latest(String productId) {
        int latest = latestVersion(productId);
        return latest == 0 ? Optional.empty() : model(productId, latest);
    }

    /** Checks a model text as {@code fileName} of firm {@code firmId}, with components resolved to their latest versions. */
    public Validation validate(String firmId, String fileName, String text) {
        List<Diagnostic> errors = new ArrayList<>();
        if (!FILE_NAME.matcher(fileName).matches()) {
            errors.add(new Diagnostic(
                    fileName,
                    0,
                    0,
                    "'" + fileName + "' is not a model file name",
                    fileName,
                    "name it like door.tpm: letters, digits, '_', '-' and '.tpm' at the end."));
            return new Validation.Invalid(errors);
        }
        ModelLoader.Result result = compile(fileName, text, latestPins(fileName));
        if (result instanceof ModelLoader.Result.Failed failed) {
            return new Validation.Invalid(failed.errors());
        }
        ModelLoader.Result.Loaded loaded = (ModelLoader.Result.Loaded) result;
        ProductModel model = loaded.model();
        List<ModelVersion> existing = versions().get(model.name());
        if (existing != null && !existing.get(0).firmId().equals(firmId)) {
            errors.add(new Diagnostic(
                    fileName,
                    0,
                    0,
                    "product '" + model.name() + "' belongs to firm '"
                            + existing.get(0).firmId() + "'",
                    "model " + model.name(),
                    "give the model another name, or publish it as that firm."));
        }
        if (existing != null && !existing.get(0).fileName().equals(fileName)) {
            errors.add(new Diagnostic(
                    fileName,
                    0,
                    0,
                    "product '" + model.name() + "' is published from '"
                            + existing.get(0).fileName() + "'",
                    "model " + model.name(),
                    "publish it as ?file=" + existing.get(0).fileName() + "."));
        }
        if (existing == null && hasFile(fileName)) {
            errors.add(new Diagnostic(
                    fileName,
                    0,
                    0,
                    "another product is published from '" + fileName + "'",
                    fileName,
                    "use another file name, or keep the model's name."));
        }
        if (new Explainer(model.space()).checkModel() instanceof ModelConsistency.Conflict conflict) {
            List<String> ids = conflict.rules().stream().map(Rule::id).toList();
            Rule first = conflict.rules().isEmpty() ? null : conflict.rules().get(0);
            ProductModel.RuleInfo info = first == null
                    ? null
                    : model.rules().stream()
                            .filter(r -> r.id().equals(first.id()))
                            .findFirst()
                            .orElse(null);
            errors.add(new Diagnostic(
                    fileName,
                    info == null ? 0 : info.at().line(),
                    info == null ? 0 : info.at().column(),
                    "the model has no valid configuration; the rules " + String.join(", ", ids) + " conflict",
                    "",
                    "relax one of these rules."));
        }
        return errors.isEmpty() ? new Validation.Valid(model, loaded.warnings()) : new Validation.Invalid(errors);
    }

    /** Validates and, when valid, publishes the next immutable version of the model's product. */
    public Publication publish(String firmId, String fileName, String text) {
        synchronized (publishLock) {
            Validation validation = validate(firmId, fileName, text);
            if (validation instanceof Validation.Invalid invalid) {
                return new Publication.Rejected(invalid.errors());
            }
            ProductModel model = ((Validation.Valid) validation).model();
            Map<String, ModelVersion.Pin> pins = latestPins(fileName);
            ModelVersion v = null;
            for (int attempt = 1; v == null; attempt++) {
                try {
                    v = store.jdbi().inTransaction(h -> {
                        int next = store.maxVersion(h, model.name()) + 1;
                        return store.insertVersion(
                                h,
                                new ModelVersion(
                                        firmId,
                                        model.name(),
                                        next,
                                        fileName,
                                        model.version(),
                                        text,
                                        pins,
                                        Instant.now().truncatedTo(ChronoUnit.MILLIS)));
                    });
                } catch (RuntimeException e) {
                    // another process published the same product at the same moment: take the next number
                    if (attempt == PUBLISH_TRIES || !CatalogueStore.isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
            List<ModelVersion> known = index.versions().getOrDefault(v.productId(), List.of());
            index = v.version() == known.size() + 1 ? index.with(v) : Index.of(store.allVersions());
            CompiledModel compiledModel = CompiledModel.of(v, model);
            compiled.put(v.productId() + "/" + v.version(), compiledModel);
            return new Publication.Published(v, compiledModel);
        }
    }

    /** The latest version of every other file name. */
    private Map<String, ModelVersion.Pin> latestPins(String exceptFile) {
        Map<String, ModelVersion> latestByFile = new LinkedHashMap<>();
        versions().values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(ModelVersion::publishedAt).thenComparing(ModelVersion::version))
                .forEach(v -> latestByFile.put(v.fileName(), v));
        Map<String, ModelVersion.Pin> pins = new LinkedHashMap<>();
        latestByFile.forEach((file, v) -> {
            if (!file.equals(exceptFile)) {
                pins.put(file, new ModelVersion.Pin(v.productId(), v.version()));
            }
        });
        return pins;
    }

    /** Compiles a model text in a short-lived folder holding the pinned component sources. */
    private ModelLoader.Result compile(String fileName, String text, Map<String, ModelVersion.Pin> pins) {
        Path dir = null;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "compile-");
            for (Map.Entry<String, ModelVersion.Pin> pin : pins.entrySet()) {
                List<ModelVersion> list = versions().get(pin.getValue().productId());
                if (list != null && pin.getValue().version() <= list.size()) {
                    Files.writeString(
                            dir.resolve(pin.getKey()),
                            list.get(pin.getValue().version() - 1).sourceText(),
                            StandardCharsets.UTF_8);
                }
            }
            Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
            return ModelLoader.parse(fileName, text, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile in " + workDir, e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            });
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
