package no.tilpass.server.configuration;

import java.util.ArrayList;
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
import no.tilpass.server.drawing.Drawings;

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

    static Map<String, Object> state(
            Session s, CompiledModel m, Analysis a, String language, Map<String, Object> upgrade) {
        ProductModel model = m.model();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Decision d : s.decisions()) {
            chosen.put(d.option(), d.value());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("productId", s.productId());
        out.put("firmId", s.firmId());
        out.put("label", m.label(model.labels(), language, s.productId()));
        out.put("version", s.version());
        out.put("revision", s.revision());
        out.put("language", language);
        boolean complete = complete(a.domains());
        out.put("complete", complete);
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Decision d : s.decisions()) {
            ProductModel.OptionInfo o = model.option(d.option()).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("option", d.option());
            row.put("value", ModelView.typed(o, d.value()));
            row.put("label", ModelView.valueLabel(m, o, d.value(), language));
            decisions.add(row);
        }
        out.put("decisions", decisions);

        Map<String, Integer> indexOf = new LinkedHashMap<>();
        List<Option> spaceOptions = model.space().options();
        for (int i = 0; i < spaceOptions.size(); i++) {
            indexOf.put(spaceOptions.get(i).name(), i);
        }
        List<Map<String, Object>> options = new ArrayList<>();
        Map<String, Boolean> optionDone = new LinkedHashMap<>();
        for (ProductModel.OptionInfo o : model.options()) {
            int index = indexOf.get(o.name());
            Option so = spaceOptions.get(index);
            int[] valid = a.available(index);
            String value = a.completion().get(o.name());
            Map<String, Object> row = ModelView.option(m, o, language);
            String user = chosen.get(o.name());
            row.put("chosen", ModelView.typed(o, user));
            row.put("value", ModelView.typed(o, value));
            row.put("valueLabel", ModelView.valueLabel(m, o, value, language));
            String decided = decided(a.domains(), index, o, value);
            row.put("decided", decided);
            optionDone.put(o.name(), decided.equals("user") || decided.equals("forced"));
            if (o.kind() == OptionKind.INTEGER) {
                row.put("valid", ranges(so, valid, o.step()));
            } else {
                boolean[] available = new boolean[so.valueCount()];
                for (int v : valid) {
                    available[v] = true;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> values = (List<Map<String, Object>>) row.get("values");
                for (Map<String, Object> v : values) {
                    int vi = so.indexOf((String) v.get("name"));
                    v.put("available", vi >= 0 && available[vi]);
                }
            }
            options.add(row);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ProductModel.Group g : model.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", g.name());
            group.put("label", m.label(g.labels(), language, g.name()));
            group.put("options", g.options());
            group.put("complete", g.options().stream().allMatch(n -> optionDone.getOrDefault(n, true)));
            groups.add(group);
        }
        out.put("groups", groups);
        out.put("options", options);
        out.put("price", price(model, a.completion(), !complete));
        out.put("drawing", Drawings.draw(model.name(), a.completion()));
        out.put("canUndo", !s.history().isEmpty());
        out.put("upgrade", upgrade);
        out.put("shareToken", s.shareToken().orElse(null));
        return out;
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
        ProductModel.Quote quote = model.quote(configuration);
        if (!(quote instanceof ProductModel.Quote.Priced priced)) {
            return null;
        }
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("currency", "NOK");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ProductModel.QuoteLine l : priced.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", l.id());
            line.put("label", l.label());
            line.put("amount", l.amountNok());
            lines.add(line);
        }
        price.put("lines", lines);
        price.put("total", priced.totalNok());
        price.put("estimate", estimate);
        return price;
    }
}
