package no.tilpass.server.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.model.ProductModel;

/**
 * A published model version compiled by the engine; shared by every session on that version (the
 * {@link ProductModel} and its solution space are immutable).
 */
public record CompiledModel(ModelVersion version, ProductModel model, Map<String, ProductModel.RuleInfo> rulesById) {

    public CompiledModel {
        rulesById = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rulesById));
    }

    static CompiledModel of(ModelVersion version, ProductModel model) {
        Map<String, ProductModel.RuleInfo> rules = new LinkedHashMap<>();
        for (ProductModel.RuleInfo r : model.rules()) {
            rules.put(r.id(), r);
        }
        return new CompiledModel(version, model, rules);
    }

    public String productId() {
        return version.productId();
    }

    public int number() {
        return version.version();
    }

    /** The text of {@code labels} in {@code language}, else in the model's first language, else any, else {@code fallback}. */
    public String label(Map<String, String> labels, String language, String fallback) {
        return pick(labels, language, model.languages(), fallback);
    }

    /** As {@link #label} for any label map. */
    public static String pick(Map<String, String> labels, String language, List<String> languages, String fallback) {
        String text = labels.get(language);
        if (text != null) {
            return text;
        }
        for (String l : languages) {
            text = labels.get(l);
            if (text != null) {
                return text;
            }
        }
        return labels.values().stream().findFirst().orElse(fallback);
    }
}
