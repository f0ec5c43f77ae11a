package no.tilpass.server.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tilpass.engine.space.Diagnostic;

/**
 * Seeds the demo cluster on first start: every {@code models/*.tpm} on the classpath becomes a product of
 * the firm its {@code firm "..."} field names, components published before the models that use them.
 * Firm metadata (id, town, kind) comes from {@code models/cluster.properties}. Idempotent: a file that is
 * already published is left alone.
 */
public final class ClusterSeed {
    private static final Pattern FIRM = Pattern.compile("(?m)^\\s*firm\\s+\"([^\"]+)\"");
    private static final Pattern COMPONENT =
            Pattern.compile("component\\s+[A-Za-z_][A-Za-z0-9_]*\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern INCLUDE = Pattern.compile("include\\s+\"([^\"]+)\"");

    private ClusterSeed() {}

    /** What seeding did: files published and files that failed (with their first problem). */
    public record Report(List<String> published, Map<String, String> failed) {
        public Report {
            published = List.copyOf(published);
            failed = Map.copyOf(failed);
        }
    }

    /** Seeds from the {@code models/} folder on the classpath. */
    public static Report seed(Catalogue catalogue) {
        return seed(catalogue, bundledModels(), bundledCluster());
    }

    /**
     * Seeds {@code models} (file name to text, any order) with the firm metadata of {@code cluster}
     * ({@code <id>.name}, {@code <id>.town}, {@code <id>.kind}, {@code cluster.town}).
     */
    public static Report seed(Catalogue catalogue, Map<String, String> models, Properties cluster) {
        Map<String, Firm> firmsByName = firmsByName(cluster);
        Map<String, String> pending = new TreeMap<>(models);
        pending.keySet().removeIf(catalogue::hasFile);
        List<String> published = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            // file names, not TreeMap entries: removing a TreeMap entry may move another's key into it
            for (String file : List.copyOf(pending.keySet())) {
                String text = pending.get(file);
                Set<String> needs = dependencies(text);
                needs.retainAll(models.keySet());
                needs.remove(file);
                if (needs.stream().anyMatch(pending::containsKey)) {
                    continue;
                }
                pending.remove(file);
                progress = true;
                Firm firm = firmOf(text, firmsByName, cluster);
                catalogue.addFirm(firm);
                Catalogue.Publication p = catalogue.publish(firm.id(), file, text);
                if (p instanceof Catalogue.Publication.Published) {
                    published.add(file);
                } else {
                    Diagnostic first =
                            ((Catalogue.Publication.Rejected) p).errors().get(0);
                    failed.put(file, first.format());
                }
            }
        }
        pending.keySet().forEach(f -> failed.put(f, f + ": its components form a cycle or failed to publish"));
        return new Report(published, failed);
    }

    private static Set<String> dependencies(String text) {
        Set<String> files = new LinkedHashSet<>();
        for (Pattern p : List.of(COMPONENT, INCLUDE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String file = m.group(1);
                files.add(file.substring(file.lastIndexOf('/') + 1));
            }
        }
        return files;
    }

    private static Map<String, Firm> firmsByName(Properties cluster) {
        Map<String, Firm> firms = new LinkedHashMap<>();
        String town = cluster.getProperty("cluster.town", "Røros");
        for (String key :
                new TreeMap<>(cluster).keySet().stream().map(Object::toString).toList()) {
            if (key.endsWith(".name") && !key.startsWith("cluster.")) {
                String id = key.substring(0, key.length() - ".name".length());
                String name = cluster.getProperty(key).strip();
                firms.put(
                        name,
                        new Firm(
                                id,
                                name,
                                cluster.getProperty(id + ".town", town),
                                cluster.getProperty(id + ".kind", "other")));
            }
        }
        return firms;
    }

    private static Firm firmOf(String text, Map<String, Firm> firmsByName, Properties cluster) {
        Matcher m = FIRM.matcher(text);
        String name = m.find() ? m.group(1).strip() : cluster.getProperty("cluster.defaultFirm", "Tilpass demo AS");
        Firm known = firmsByName.get(name);
        return known != null
                ? known
                : new Firm(slug(name), name, cluster.getProperty("cluster.town", "Røros"), "other");
    }

    /** {@code Glåmdal Vindu AS} → {@code glamdal-vindu}. */
    static String slug(String firmName) {
        String s = firmName.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("å", "a");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (s.endsWith("-as") || s.endsWith("-ab")) {
            s = s.substring(0, s.length() - 3);
        }
        return s.isEmpty() ? "firm" : s;
    }

    /** The {@code models/*.tpm} files bundled on the classpath (file name to text). */
    static Map<String, String> bundledModels() {
        URL marker = ClusterSeed.class.getClassLoader().getResource("models/cluster.properties");
        if (marker == null) {
            return Map.of();
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    return readModels(fs.getPath("/models"));
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return readModels(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled models", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bundled models: " + marker, e);
        }
    }

    private static Map<String, String> readModels(Path dir) throws IOException {
        Map<String, String> models = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tpm"))
                    .toList()) {
                models.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return models;
    }

    /** {@code models/cluster.properties} from the classpath (UTF-8), or empty. */
    static Properties bundledCluster() {
        Properties p = new Properties();
        try (InputStream in = ClusterSeed.class.getClassLoader().getResourceAsStream("models/cluster.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read models/cluster.properties", e);
        }
        return p;
    }
}
