package no.tilpass.server.catalogue;

import java.time.Instant;
import java.util.Map;

/**
 * One published, immutable version of a product's model.
 *
 * @param version 1, 2, ... per product
 * @param versionLabel the model's own {@code version "..."} text, or empty
 * @param componentPins for every other model file name at publishing time, the product and version it
 *     resolved to; components of this version always compile against these
 */
public record ModelVersion(
        String firmId,
        String productId,
        int version,
        String fileName,
        String versionLabel,
        String sourceText,
        Map<String, Pin> componentPins,
        Instant publishedAt) {

    public ModelVersion {
        componentPins = Map.copyOf(componentPins);
    }

    /** A model version another version's components resolve to. */
    public record Pin(String productId, int version) {}

    /** The pins as stored: {@code file=product/version;...}, sorted by file name. */
    String pinsText() {
        StringBuilder sb = new StringBuilder();
        componentPins.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey())
                    .append('=')
                    .append(e.getValue().productId())
                    .append('/')
                    .append(e.getValue().version());
        });
        return sb.toString();
    }

    static Map<String, Pin> parsePins(String text) {
        java.util.Map<String, Pin> pins = new java.util.LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pins;
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            int slash = part.lastIndexOf('/');
            pins.put(
                    part.substring(0, eq),
                    new Pin(part.substring(eq + 1, slash), Integer.parseInt(part.substring(slash + 1))));
        }
        return pins;
    }
}
