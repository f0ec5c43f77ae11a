package no.tilpass.server.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.OptionKind;

/** The JSON shapes of docs/api.md for firms, products and models, as ordered maps. */
public final class ModelView {
    private ModelView() {}

    /** {@code bool}, {@code enum} or {@code int}. */
    public static String kind(OptionKind kind) {
        return switch (kind) {
            case BOOLEAN -> "bool";
            case ENUM -> "enum";
            case INTEGER -> "int";
        };
    }

    /** A value as JSON: a number for integers, a boolean for booleans, else the name. */
    public static Object typed(ProductModel.OptionInfo option, String value) {
        if (value == null) {
            return null;
        }
        return switch (option.kind()) {
            case INTEGER -> Long.parseLong(value);
            case BOOLEAN -> Boolean.parseBoolean(value);
            case ENUM -> value;
        };
    }

    /** The label of a boolean value in a language. */
    public static String booleanLabel(boolean value, String language) {
        return switch (language) {
            case "sv" -> value ? "Ja" : "Nej";
            case "en" -> value ? "Yes" : "No";
            default -> value ? "Ja" : "Nei";
        };
    }

    /** The label of {@code value} of {@code option} in {@code language}. */
    public static String valueLabel(CompiledModel m, ProductModel.OptionInfo option, String value, String language) {
        return switch (option.kind()) {
            case BOOLEAN -> booleanLabel(Boolean.parseBoolean(value), language);
            case INTEGER -> option.unit().isEmpty() ? value : value + " " + option.unit();
            case ENUM -> option.values().stream()
                    .filter(v -> v.name().equals(value))
                    .findFirst()
                    .map(v -> m.label(v.labels(), language, value))
                    .orElse(value);
        };
    }

    public static Map<String, Object> firm(Firm firm, List<String> products) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", firm.id());
        m.put("name", firm.name());
        m.put("town", firm.town());
        m.put("kind", firm.kind());
        m.put("products", products);
        return m;
    }

    /** The product summary of one version. */
    public static Map<String, Object> product(CompiledModel m, String language) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", m.productId());
        p.put("firmId", m.version().firmId());
        p.put("label", m.label(m.model().labels(), language, m.productId()));
        p.put("version", m.number());
        p.put("versionLabel", m.version().versionLabel());
        p.put("publishedAt", m.version().publishedAt().toString());
        p.put("file", m.version().fileName());
        p.put("options", m.model().options().size());
        p.put("rules", m.model().rules().size());
        return p;
    }

    /** The product summary plus every version. */
    public static Map<String, Object> productWithVersions(
            CompiledModel latest, List<ModelVersion> versions, String language) {
        Map<String, Object> p = product(latest, language);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ModelVersion v : versions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", v.version());
            row.put("versionLabel", v.versionLabel());
            row.put("publishedAt", v.publishedAt().toString());
            list.add(row);
        }
        p.put("versions", list);
        return p;
    }

    /** The model for rendering a configurator. */
    public static Map<String, Object> model(CompiledModel m, String language) {
        ProductModel model = m.model();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.productId());
        out.put("label", m.label(model.labels(), language, m.productId()));
        out.put("version", m.number());
        out.put("versionLabel", m.version().versionLabel());
        out.put("languages", model.languages());
        out.put("groups", groups(m, language));
        List<Map<String, Object>> options = new ArrayList<>();
        for (ProductModel.OptionInfo o : model.options()) {
            options.add(option(m, o, language));
        }
        out.put("options", options);
        return out;
    }

    static List<Map<String, Object>> groups(CompiledModel m, String language) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ProductModel.Group g : m.model().groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", g.name());
            group.put("label", m.label(g.labels(), language, g.name()));
            group.put("options", g.options());
            groups.add(group);
        }
        return groups;
    }

    /** The static part of an option: name, group, kind, labels, range or values, default. */
    public static Map<String, Object> option(CompiledModel m, ProductModel.OptionInfo o, String language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", o.name());
        out.put("group", o.group().isEmpty() ? null : o.group());
        out.put("kind", kind(o.kind()));
        out.put("label", m.label(o.labels(), language, o.name()));
        out.put("help", o.help().isEmpty() ? null : m.label(o.help(), language, null));
        if (o.kind() == OptionKind.INTEGER) {
            out.put("unit", o.unit().isEmpty() ? null : o.unit());
            out.put("min", o.min());
            out.put("max", o.max());
            out.put("step", o.step());
        } else {
            List<Map<String, Object>> values = new ArrayList<>();
            for (ProductModel.ValueInfo v : o.values()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("name", v.name());
                value.put("label", valueLabel(m, o, v.name(), language));
                values.add(value);
            }
            out.put("values", values);
        }
        out.put("default", typed(o, o.defaultValue().orElse(null)));
        return out;
    }
}
