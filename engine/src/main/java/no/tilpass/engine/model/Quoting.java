package no.tilpass.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.OptionKind;

/**
 * Prices one full configuration of a {@link ProductModel}: checks it ({@link Evaluation}), then evaluates the
 * price lines.
 */
final class Quoting {
    private Quoting() {}

    static ProductModel.Quote quote(ProductModel model, Map<String, String> configuration) {
        Evaluation evaluation = evaluation(model, configuration);
        if (evaluation instanceof Evaluation.Rejected rejected) {
            return new ProductModel.Quote.Rejected(rejected.problems());
        }
        Evaluator ev = ((Evaluation.Valid) evaluation).evaluator();
        List<ProductModel.QuoteLine> lines = new ArrayList<>();
        long total = model.price().base();
        lines.add(new ProductModel.QuoteLine(
                "base",
                model.price().baseLabels().getOrDefault("en", "Base price"),
                model.price().baseLabels(),
                total));
        for (ProductModel.PriceLine l : model.price().lines()) {
            if (!ev.holds(l.when())) {
                continue;
            }
            long amount = ev.eval(l.amount());
            if (amount != 0) {
                lines.add(new ProductModel.QuoteLine(l.id(), l.label(), l.labels(), amount));
                total += amount;
            }
        }
        return new ProductModel.Quote.Priced(lines, total);
    }

    static Evaluation evaluation(ProductModel model, Map<String, String> configuration) {
        Map<String, ProductModel.OptionInfo> options = new LinkedHashMap<>();
        for (ProductModel.OptionInfo o : model.options()) {
            options.put(o.name(), o);
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : configuration.entrySet()) {
            ProductModel.OptionInfo o = options.get(e.getKey());
            if (o == null) {
                problems.add(problem(
                        model,
                        "unknown option '" + e.getKey() + "' in the configuration",
                        e.getKey() + "=" + e.getValue(),
                        Names.maybe(e.getKey(), options.keySet(), "remove it; the model has no such option.")));
                continue;
            }
            List<String> names =
                    o.values().stream().map(ProductModel.ValueInfo::name).toList();
            if (!names.contains(e.getValue())) {
                String maybe = o.kind() == OptionKind.INTEGER
                        ? "use a value in " + o.min() + ".." + o.max() + (o.step() != 1 ? " step " + o.step() : "")
                                + "."
                        : Names.maybe(e.getValue(), names, "use one of: " + Names.list(names, 8) + ".");
                problems.add(problem(
                        model,
                        "'" + e.getValue() + "' is not a value of option '" + o.name() + "'",
                        e.getKey() + "=" + e.getValue(),
                        maybe));
            }
        }
        List<String> missing = options.keySet().stream()
                .filter(n -> !configuration.containsKey(n))
                .toList();
        if (!missing.isEmpty()) {
            problems.add(problem(
                    model,
                    "the configuration has no value for " + missing.size() + " option(s): " + Names.list(missing, 8),
                    "",
                    "give every option a value; a price needs a full configuration."));
        }
        if (!problems.isEmpty()) {
            return new Evaluation.Rejected(problems);
        }
        Evaluator ev = new Evaluator(options, configuration);
        for (ProductModel.RuleInfo r : model.rules()) {
            if (!ev.holds(r.constraint())) {
                String explanation = r.explanation()
                        .getOrDefault(
                                "en",
                                r.explanation()
                                        .getOrDefault(
                                                "",
                                                r.explanation().values().stream()
                                                        .findFirst()
                                                        .orElse("")));
                problems.add(new Diagnostic(
                        r.at().file(),
                        r.at().line(),
                        r.at().column(),
                        "the configuration breaks rule " + r.id() + " \"" + r.name() + "\": " + explanation,
                        "",
                        "change one of the options the rule names."));
            }
        }
        if (!problems.isEmpty()) {
            return new Evaluation.Rejected(problems);
        }
        return new Evaluation.Valid(ev);
    }

    private static Diagnostic problem(ProductModel model, String message, String text, String maybe) {
        return new Diagnostic(model.file(), 0, 0, message, text, maybe);
    }
}
