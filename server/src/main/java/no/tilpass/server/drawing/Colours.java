package no.tilpass.server.drawing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Colour value names ({@code barn_red}, {@code anthracite}) to CSS hex colours, from the data table
 * {@code colours.properties} next to this class: adding a colour to a model means adding a line there,
 * never code. Unknown names have no colour, and the drawer uses its neutral default.
 */
final class Colours {
    private static final Map<String, String> TABLE = load();

    private Colours() {}

    static Optional<String> hex(String valueName) {
        return Optional.ofNullable(TABLE.get(valueName));
    }

    static String hex(Optional<String> valueName, String fallback) {
        return valueName.flatMap(Colours::hex).orElse(fallback);
    }

    /**
     * The colour of a value name, else of the longest colour name it contains ({@code wool_blue} is
     * blue, {@code polished_aluminium} aluminium), else {@code fallback}.
     */
    static String loose(Optional<String> valueName, String fallback) {
        if (valueName.isEmpty()) {
            return fallback;
        }
        String name = valueName.get();
        return hex(name).orElseGet(() -> TABLE.keySet().stream()
                .filter(name::contains)
                .max(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .map(TABLE::get)
                .orElse(fallback));
    }

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = Colours.class.getResourceAsStream("colours.properties")) {
            if (in == null) {
                throw new IllegalStateException("colours.properties is missing next to " + Colours.class.getName());
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> table = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(name -> table.put(name, properties.getProperty(name)));
        return Map.copyOf(table);
    }
}
