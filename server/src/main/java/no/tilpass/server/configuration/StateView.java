package no.tilpass.server.configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.server.catalogue.CompiledModel;
import no.tilpass.server.catalogue.ModelView;
import no.tilpass.server.drawing.Drawing;

/** The state of a session as docs/api.md shows it. */
final class StateView {
    private StateView() {}

    /** How an option stands: {@code user}, {@code forced}, {@code default} or {@code open}. */
    static String decided(DomainResult.Consistent domains, int index, ProductModel.OptionInfo o, String value) {
        if (domains.decided(index)) {
            return "user";
        }
        if (domains.forced(index)) {
            return "forced";
        }
        return o.defaultValue().map(d -> d.equals(value)).orElse(false) ? "default" : "open";
    }

    /** True when every option is decided by the customer or forced by the rules. */
    static boolean complete(DomainResult.Consistent domains) {
        for (int i = 0; i < domains.states().size(); i++) {
            if (domains.states().get(i) == DomainResult.OptionState.OPEN) {
                return false;
            }
        }
        return true;
    }

    /**
     * The parts of a state that depend on the model version and the language alone (labels, help,
     * ranges, value lists, groups), built once per both and copied into every state, so that a step
     * looks up no label and walks no value list.
     */
    static final class Skeleton {
        private final String label;
        private final String texts;
        private final List<OptionPart> options;
        private final Map<String, OptionPart> byName;
        private final List<GroupPart> groups;

        private Skeleton(String label, String texts, List<OptionPart> options, List<GroupPart> groups) {
            this.label = label;
            this.texts = texts;
            this.options = List.copyOf(options);
            this.groups = List.copyOf(groups);
            Map<String, OptionPart> named = new LinkedHashMap<>();
            for (OptionPart o : options) {
                named.put(o.info().name(), o);
            }
            this.byName = Collections.unmodifiableMap(named);
        }

        static Skeleton of(CompiledModel m, String language) {
            ProductModel model = m.model();
            List<Option> spaceOptions = model.space().options();
            Map<String, Integer> indexOf = new LinkedHashMap<>();
            for (int i = 0; i < spaceOptions.size(); i++) {
                indexOf.put(spaceOptions.get(i).name(), i);
            }
            List<OptionPart> options = new ArrayList<>();
            for (ProductModel.OptionInfo o : model.options()) {
                int index = indexOf.get(o.name());
                Option so = spaceOptions.get(index);
                Map<String, Object> row = ModelView.option(m, o, language);
                List<ValuePart> values = new ArrayList<>();
                Map<String, String> valueLabels = new LinkedHashMap<>();
                if (o.kind() != OptionKind.INTEGER) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> rows = (List<Map<String, Object>>) row.get("values");
                    for (Map<String, Object> v : rows) {
                        String name = (String) v.get("name");
                        values.add(new ValuePart(
                                Collections.unmodifiableMap(v), so.indexOf(name), new SerializedString(name)));
                        valueLabels.put(name, (String) v.get("label"));
                    }
                    row.put("values", List.of());
                }
                if (o.kind() == OptionKind.BOOLEAN) {
                    valueLabels.put("true", ModelView.booleanLabel(true, language));
                    valueLabels.put("false", ModelView.booleanLabel(false, language));
                }
                options.add(new OptionPart(
                        o, index, options.size(), so, Collections.unmodifiableMap(row), values, valueLabels));
            }
            Map<String, Integer> position = new HashMap<>();
            for (OptionPart o : options) {
                position.put(o.info().name(), o.position());
            }
            List<GroupPart> groups = new ArrayList<>();
            for (ProductModel.Group g : model.groups()) {
                int[] members = g.options().stream()
                        .mapToInt(n -> position.getOrDefault(n, -1))
                        .toArray();
                groups.add(new GroupPart(g.name(), m.label(g.labels(), language, g.name()), g.options(), members));
            }
            String texts = "/api/products/" + URLEncoder.encode(m.productId(), StandardCharsets.UTF_8)
                    + "/model?version=" + m.number() + "&lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8);
            return new Skeleton(m.label(model.labels(), language, m.productId()), texts, options, groups);
        }
    }

    /**
     * One option's static part.
     *
     * @param index the option's index in the solution space
     * @param position the option's position among the skeleton's options (model order)
     * @param row the static fields of the option's row, in the order of docs/api.md ({@code values}
     *     empty: each state fills it with {@link #values})
     * @param valueLabels the label of each enum or boolean value by name
     */
    private record OptionPart(
            ProductModel.OptionInfo info,
            int index,
            int position,
            Option space,
            Map<String, Object> row,
            List<ValuePart> values,
            Map<String, String> valueLabels) {
        OptionPart {
            values = List.copyOf(values);
            valueLabels = Collections.unmodifiableMap(new LinkedHashMap<>(valueLabels));
        }

        /** Writes {@code value} (the engine's spelling) as the JSON of this option's kind, or null. */
        void writeValue(JsonGenerator out, String value) throws IOException {
            if (value == null) {
                out.writeNull();
                return;
            }
            switch (info.kind()) {
                case INTEGER -> out.writeNumber(Long.parseLong(value));
                case BOOLEAN -> out.writeBoolean(Boolean.parseBoolean(value));
                case ENUM -> out.writeString(value);
            }
        }

        /** As {@link ModelView#valueLabel}, from the labels resolved once. */
        String label(String value) {
            if (value == null || info.kind() == OptionKind.INTEGER) {
                return value == null || info.unit().isEmpty() ? value : value + " " + info.unit();
            }
            if (info.kind() == OptionKind.BOOLEAN) {
                return valueLabels.get(Boolean.toString(Boolean.parseBoolean(value)));
            }
            return valueLabels.getOrDefault(value, value);
        }
    }

    /**
     * One value's static row ({@code name}, {@code label}), its index in the option's space and its name
     * as pre-encoded JSON text (for the compact state).
     */
    private record ValuePart(Map<String, Object> row, int index, SerializedString name) {}

    /** A group, and the position of each of its options among the skeleton's options (-1: no option). */
    private record GroupPart(String id, String label, List<String> options, int[] members) {
        GroupPart {
            options = List.copyOf(options);
            members = members.clone();
        }
    }

    /**
     * What a state shows of the session's completion besides its options.
     *
     * @param upgrade the offer to upgrade to a newer model version, or null
     * @param price the price of the completion, as {@link #price(ProductModel.Quote, boolean)} gives it
     *     (or its JSON text)
     * @param drawing the drawing of the completion (a {@link Drawing} or its JSON text)
     */
    record Extras(Map<String, Object> upgrade, Object price, Object drawing) {}

    /**
     * The fields both states start with: the session's id, product and firm, the product label (the full
     * state only), the model version, the revision and the language.
     */
    private static Map<String, Object> header(Session s, Skeleton skeleton, String language, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("productId", s.productId());
        out.put("firmId", s.firmId());
        if (full) {
            out.put("label", skeleton.label);
        }
        out.put("version", s.version());
        out.put("revision", s.revision());
        out.put("language", language);
        return out;
    }

    /** Puts the groups, the options, the price and the drawing, in this order, as both states have them. */
    private static void putBody(Map<String, Object> out, List<?> groups, List<?> options, Extras extras) {
        out.put("groups", groups);
        out.put("options", options);
        out.put("price", extras.price());
        out.put("drawing", extras.drawing());
    }

    /** The state of session {@code s}. */
    static Map<String, Object> state(Session s, Skeleton skeleton, Analysis a, String language, Extras extras) {
        Map<String, Object> out = header(s, skeleton, language, true);
        boolean complete = complete(a.domains());
        out.put("complete", complete);
        Map<String, String> chosen = new HashMap<>();
        List<Map<String, Object>> decisions = new ArrayList<>(s.decisions().size());
        for (Decision d : s.decisions()) {
            chosen.put(d.option(), d.value());
            OptionPart o = skeleton.byName.get(d.option());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("option", d.option());
            row.put("value", ModelView.typed(o.info(), d.value()));
            row.put("label", o.label(d.value()));
            decisions.add(row);
        }
        out.put("decisions", decisions);

        List<Map<String, Object>> options = new ArrayList<>(skeleton.options.size());
        Map<String, Boolean> optionDone = new HashMap<>();
        for (OptionPart part : skeleton.options) {
            ProductModel.OptionInfo o = part.info();
            int index = part.index();
            int[] valid = a.available(index);
            String value = a.completion().get(o.name());
            Map<String, Object> row = new LinkedHashMap<>(part.row());
            row.put("chosen", ModelView.typed(o, chosen.get(o.name())));
            row.put("value", ModelView.typed(o, value));
            row.put("valueLabel", part.label(value));
            String decided = decided(a.domains(), index, o, value);
            row.put("decided", decided);
            optionDone.put(o.name(), decided.equals("user") || decided.equals("forced"));
            if (o.kind() == OptionKind.INTEGER) {
                row.put("valid", ranges(part.space(), valid, o.step()));
            } else {
                boolean[] available = new boolean[part.space().valueCount()];
                for (int v : valid) {
                    available[v] = true;
                }
                List<Map<String, Object>> values = new ArrayList<>(part.values().size());
                for (ValuePart v : part.values()) {
                    Map<String, Object> valueRow = new LinkedHashMap<>(v.row());
                    valueRow.put("available", v.index() >= 0 && available[v.index()]);
                    values.add(valueRow);
                }
                row.put("values", values);
            }
            options.add(row);
        }
        List<Map<String, Object>> groups = new ArrayList<>(skeleton.groups.size());
        for (GroupPart g : skeleton.groups) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", g.id());
            group.put("label", g.label());
            group.put("options", g.options());
            boolean done = true;
            for (String n : g.options()) {
                done &= optionDone.getOrDefault(n, true);
            }
            group.put("complete", done);
            groups.add(group);
        }
        putBody(out, groups, options, extras);
        out.put("canUndo", !s.history().isEmpty());
        out.put("upgrade", extras.upgrade());
        out.put("shareToken", s.shareToken().orElse(null));
        return out;
    }

    /**
     * The compact state of session {@code s} (docs/api.md): what a step changes and nothing that is fixed per
     * model version and language. Labels, help texts, units, ranges and group members are in the model
     * ({@code texts}, {@code GET /api/products/{id}/model?version=N&lang=L}), which a client fetches once.
     * Options are written straight to the JSON generator (see {@link CompactOption}).
     */
    static Map<String, Object> compactState(Session s, Skeleton skeleton, Analysis a, String language, Extras extras) {
        Map<String, Object> out = header(s, skeleton, language, false);
        out.put("texts", skeleton.texts);
        out.put("complete", complete(a.domains()));
        // The small fields first: a client that needs them can stop reading before price and drawing.
        out.put("canUndo", !s.history().isEmpty());
        out.put("upgrade", extras.upgrade());
        out.put("shareToken", s.shareToken().orElse(null));
        String[] chosen = new String[skeleton.options.size()];
        List<Map<String, Object>> decisions = new ArrayList<>(s.decisions().size());
        for (Decision d : s.decisions()) {
            OptionPart o = skeleton.byName.get(d.option());
            chosen[o.position()] = d.value();
            Map<String, Object> row = new LinkedHashMap<>(4);
            row.put("option", d.option());
            row.put("value", ModelView.typed(o.info(), d.value()));
            decisions.add(row);
        }
        out.put("decisions", decisions);
        List<CompactOption> options = new ArrayList<>(skeleton.options.size());
        boolean[] optionDone = new boolean[skeleton.options.size()];
        for (OptionPart part : skeleton.options) {
            ProductModel.OptionInfo o = part.info();
            String value = a.completion().get(o.name());
            String decided = decided(a.domains(), part.index(), o, value);
            optionDone[part.position()] = decided.equals("user") || decided.equals("forced");
            options.add(new CompactOption(part, chosen[part.position()], value, decided, a.available(part.index())));
        }
        List<Map<String, Object>> groups = new ArrayList<>(skeleton.groups.size());
        for (GroupPart g : skeleton.groups) {
            boolean done = true;
            for (int member : g.members()) {
                done &= member < 0 || optionDone[member];
            }
            Map<String, Object> group = new LinkedHashMap<>(4);
            group.put("id", g.id());
            group.put("complete", done);
            groups.add(group);
        }
        putBody(out, groups, options, extras);
        return out;
    }

    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString DEFAULT = new SerializedString("default");
    private static final SerializedString CHOSEN = new SerializedString("chosen");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString DECIDED = new SerializedString("decided");
    private static final SerializedString VALID = new SerializedString("valid");
    private static final SerializedString FROM = new SerializedString("from");
    private static final SerializedString TO = new SerializedString("to");
    private static final SerializedString STEP = new SerializedString("step");

    /**
     * One option of a compact state, written by itself: {@code name}, {@code kind}, {@code default},
     * {@code chosen}, {@code value}, {@code decided}, and {@code valid}: runs {@code {"from","to","step"}}
     * (int) or the available values in model order (bool, enum; the model's other values are unavailable).
     * Field names are pre-encoded, and no map is built per option or value.
     *
     * @param valid the option's valid value indices, ascending
     */
    private record CompactOption(OptionPart part, String chosen, String value, String decided, int[] valid)
            implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator out, SerializerProvider provider) throws IOException {
            ProductModel.OptionInfo o = part.info();
            out.writeStartObject();
            out.writeFieldName(NAME);
            out.writeString(o.name());
            out.writeFieldName(KIND);
            out.writeString(ModelView.kind(o.kind()));
            out.writeFieldName(DEFAULT);
            part.writeValue(out, o.defaultValue().orElse(null));
            out.writeFieldName(CHOSEN);
            part.writeValue(out, chosen);
            out.writeFieldName(VALUE);
            part.writeValue(out, value);
            out.writeFieldName(DECIDED);
            out.writeString(decided);
            if (o.kind() == OptionKind.INTEGER) {
                out.writeFieldName(VALID);
                out.writeStartArray();
                Option space = part.space();
                long step = o.step();
                int i = 0;
                while (i < valid.length) {
                    int j = i;
                    while (j + 1 < valid.length && valid[j + 1] == valid[j] + 1) {
                        j++;
                    }
                    out.writeStartObject();
                    out.writeFieldName(FROM);
                    out.writeNumber(space.number(valid[i]));
                    out.writeFieldName(TO);
                    out.writeNumber(space.number(valid[j]));
                    out.writeFieldName(STEP);
                    out.writeNumber(step);
                    out.writeEndObject();
                    i = j + 1;
                }
                out.writeEndArray();
            } else {
                boolean[] available = new boolean[part.space().valueCount()];
                for (int v : valid) {
                    available[v] = true;
                }
                out.writeFieldName(VALID);
                out.writeStartArray();
                for (ValuePart v : part.values()) {
                    if (v.index() >= 0 && available[v.index()]) {
                        if (o.kind() == OptionKind.BOOLEAN) {
                            out.writeBoolean(Boolean.parseBoolean(v.name().getValue()));
                        } else {
                            out.writeString(v.name());
                        }
                    }
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }

        @Override
        public void serializeWithType(
                JsonGenerator out,
                SerializerProvider provider,
                com.fasterxml.jackson.databind.jsontype.TypeSerializer type)
                throws IOException {
            serialize(out, provider);
        }
    }

    /** The valid numbers of an integer option as runs {@code {"from","to","step"}}. */
    static List<Map<String, Object>> ranges(Option option, int[] valid, long step) {
        List<Map<String, Object>> runs = new ArrayList<>();
        int i = 0;
        while (i < valid.length) {
            int j = i;
            while (j + 1 < valid.length && valid[j + 1] == valid[j] + 1) {
                j++;
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("from", option.number(valid[i]));
            run.put("to", option.number(valid[j]));
            run.put("step", step);
            runs.add(run);
            i = j + 1;
        }
        return runs;
    }

    /** The price of a full configuration, or null when the model cannot price it. */
    static Map<String, Object> price(ProductModel model, Map<String, String> configuration, boolean estimate) {
        return price(model.quote(configuration), estimate);
    }

    /** The price of a full configuration with its line labels in {@code language}, or null. */
    static Map<String, Object> price(
            ProductModel model, Map<String, String> configuration, boolean estimate, String language) {
        return price(model.quote(configuration), estimate, language);
    }

    /** The price shape of docs/api.md for a quote, with the model's default line labels, or null. */
    static Map<String, Object> price(ProductModel.Quote quote, boolean estimate) {
        return price(quote, estimate, "");
    }

    /**
     * The price shape of docs/api.md for a quote, line labels in {@code language} (the model's default label
     * where it has none in that language), or null when it is not priced.
     */
    static Map<String, Object> price(ProductModel.Quote quote, boolean estimate, String language) {
        if (!(quote instanceof ProductModel.Quote.Priced priced)) {
            return null;
        }
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("currency", "NOK");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ProductModel.QuoteLine l : priced.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", l.id());
            line.put("label", l.label(language));
            line.put("amount", l.amountNok());
            lines.add(line);
        }
        price.put("lines", lines);
        price.put("total", priced.totalNok());
        price.put("estimate", estimate);
        return price;
    }
}
