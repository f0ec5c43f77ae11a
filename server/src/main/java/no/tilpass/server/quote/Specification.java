package no.tilpass.server.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.OptionKind;

/**
 * The chosen specification of a configured product for a quote: options in model order under their
 * group headings (the product's own options before its components'), labelled in the quote's language, values as the customer reads them ({@code 1200 mm},
 * {@code Drei-kipp}, {@code Ja}). Options without a value are left out.
 */
public final class Specification {
    private Specification() {}

    /** {@code values} maps option names (component options namespaced) to values as written. */
    public static List<QuoteDocument.OptionLine> lines(
            ProductModel model, Map<String, String> values, String language) {
        QuoteTexts texts = QuoteTexts.of(language);
        List<QuoteDocument.OptionLine> lines = new ArrayList<>();
        String group = null;
        // The product's own options first, then those of its components (fittings.hinge_type, ...).
        List<ProductModel.OptionInfo> ordered = new ArrayList<>();
        model.options().stream().filter(o -> !o.name().contains(".")).forEach(ordered::add);
        model.options().stream().filter(o -> o.name().contains(".")).forEach(ordered::add);
        for (ProductModel.OptionInfo option : ordered) {
            String value = values.get(option.name());
            if (value == null) {
                continue;
            }
            if (!Objects.equals(option.group(), group)) {
                group = option.group();
                String heading = groupLabel(model, group, language);
                if (!heading.isEmpty()) {
                    lines.add(QuoteDocument.OptionLine.heading(heading));
                }
            }
            lines.add(QuoteDocument.OptionLine.of(
                    label(option.labels(), language, option.name()), value(option, value, texts)));
        }
        return List.copyOf(lines);
    }

    private static String groupLabel(ProductModel model, String group, String language) {
        if (group == null || group.isEmpty()) {
            return "";
        }
        return model.groups().stream()
                .filter(g -> g.name().equals(group))
                .findFirst()
                .map(g -> label(g.labels(), language, group))
                .orElseGet(() -> model.components().stream()
                        .filter(c -> group.startsWith(c.name()))
                        .findFirst()
                        .map(c -> label(c.labels(), language, group))
                        .orElse(group));
    }

    private static String value(ProductModel.OptionInfo option, String value, QuoteTexts texts) {
        if (option.kind() == OptionKind.BOOLEAN) {
            return texts.text(Boolean.parseBoolean(value) ? "yes" : "no");
        }
        if (option.kind() == OptionKind.INTEGER) {
            return option.unit() == null || option.unit().isEmpty() ? value : value + " " + option.unit();
        }
        return option.values().stream()
                .filter(v -> v.name().equals(value))
                .findFirst()
                .map(v -> label(v.labels(), texts.language(), value))
                .orElse(value);
    }

    static String label(Map<String, String> labels, String language, String fallback) {
        String label = labels.get(language);
        if (label != null) {
            return label;
        }
        return labels.values().stream().findFirst().orElse(fallback);
    }
}
