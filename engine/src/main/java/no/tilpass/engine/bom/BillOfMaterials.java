package no.tilpass.engine.bom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import no.tilpass.engine.model.Evaluation;
import no.tilpass.engine.model.Evaluator;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Diagnostic;

/**
 * Evaluates the {@code bom} and {@code routing} sections of a {@link ProductModel} for one full valid
 * configuration: quantities, lengths, areas and times are the formulas' values, lines and operations whose
 * {@code when} fails are left out, and every component contributes a line (quantity 1) with its own BOM
 * nested under it and its own routing, evaluated on the component's options (the configuration's
 * namespaced values, {@code fittings.hinge_type}, without the prefix).
 */
public final class BillOfMaterials {
    private BillOfMaterials() {}

    /**
     * The exploded BOM, cutting demand and operations of {@code configuration} (every option, component
     * options namespaced, mapped to its value as written). An incomplete or invalid configuration, or a
     * formula that evaluates to a negative quantity, length, area or time, gives {@link Explosion.Rejected}
     * with the reasons; it never throws for bad input.
     */
    public static Explosion explode(ProductModel model, Map<String, String> configuration) {
        Evaluation evaluation = Evaluation.of(model, configuration);
        if (evaluation instanceof Evaluation.Rejected rejected) {
            return new Explosion.Rejected(rejected.problems());
        }
        Walk walk = new Walk();
        walk.model(model, ((Evaluation.Valid) evaluation).evaluator(), configuration, "", 1, 1);
        if (!walk.problems.isEmpty()) {
            return new Explosion.Rejected(walk.problems);
        }
        return new Explosion.Exploded(model.name(), walk.lines, walk.cuts, Precedence.order(walk.steps()));
    }

    /** An operation by its prefixed id: its step when it applies (empty when skipped), and what it waits for. */
    private record Candidate(Optional<Explosion.Step> step, List<String> after) {}

    /** Accumulates lines, cuts, operations and problems over the model and its components. */
    private static final class Walk {
        final List<Explosion.Line> lines = new ArrayList<>();
        final List<Explosion.Cut> cuts = new ArrayList<>();
        /** Every operation of the model and its components, by prefixed id. */
        final Map<String, Candidate> operations = new LinkedHashMap<>();

        final List<Diagnostic> problems = new ArrayList<>();

        void model(
                ProductModel model,
                Evaluator ev,
                Map<String, String> configuration,
                String prefix,
                int level,
                long multiplier) {
            String parent = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
            for (ProductModel.BomLine l : model.bom()) {
                if (!ev.holds(l.when())) {
                    continue;
                }
                long qty = ev.eval(l.quantity());
                OptionalLong length =
                        l.length().map(e -> OptionalLong.of(ev.eval(e))).orElse(OptionalLong.empty());
                OptionalLong area =
                        l.area().map(e -> OptionalLong.of(ev.eval(e))).orElse(OptionalLong.empty());
                if (qty < 0) {
                    negative(l.at(), "bom item '" + prefix + l.id() + "' has quantity " + qty);
                    continue;
                }
                if (length.isPresent() && length.getAsLong() <= 0 && qty > 0) {
                    negative(l.at(), "bom item '" + prefix + l.id() + "' has length " + length.getAsLong());
                    continue;
                }
                if (area.isPresent() && area.getAsLong() < 0) {
                    negative(l.at(), "bom item '" + prefix + l.id() + "' has area " + area.getAsLong());
                    continue;
                }
                if (qty == 0) {
                    continue;
                }
                boolean cut = length.isPresent()
                        && Explosion.Line.millimetresPer(l.unit()).isPresent();
                String profile = cut ? (l.profile().isEmpty() ? l.id() : l.profile()) : "";
                Explosion.Line line = new Explosion.Line(
                        prefix + l.id(),
                        l.id(),
                        l.description(),
                        level,
                        parent,
                        qty,
                        qty * multiplier,
                        length,
                        l.length().isPresent() ? l.unit() : "",
                        area,
                        profile,
                        false);
                lines.add(line);
                if (cut) {
                    cuts.add(new Explosion.Cut(
                            profile, line.lengthMm().orElseThrow(), line.totalQuantity(), line.path()));
                }
            }
            routing(model, ev, prefix, parent);
            for (ProductModel.Component c : model.components()) {
                String inner = prefix + c.name() + ".";
                Map<String, String> own = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : configuration.entrySet()) {
                    if (e.getKey().startsWith(c.name() + ".")) {
                        own.put(e.getKey().substring(c.name().length() + 1), e.getValue());
                    }
                }
                lines.add(new Explosion.Line(
                        prefix + c.name(),
                        c.name(),
                        label(c),
                        level,
                        parent,
                        1,
                        multiplier,
                        OptionalLong.empty(),
                        "",
                        OptionalLong.empty(),
                        "",
                        true));
                Evaluation evaluation = Evaluation.of(c.model(), own);
                if (evaluation instanceof Evaluation.Rejected rejected) {
                    problems.addAll(rejected.problems());
                    continue;
                }
                model(c.model(), ((Evaluation.Valid) evaluation).evaluator(), own, inner, level + 1, multiplier);
            }
        }

        private void routing(ProductModel model, Evaluator ev, String prefix, String component) {
            for (ProductModel.Operation o : model.routing().operations()) {
                List<String> after = o.after().stream().map(a -> prefix + a).toList();
                if (!ev.holds(o.when())) {
                    operations.put(prefix + o.id(), new Candidate(Optional.empty(), after));
                    continue;
                }
                long setup = ev.eval(o.setup());
                long perUnit = ev.eval(o.perUnit());
                if (setup < 0 || perUnit < 0) {
                    negative(
                            o.at(),
                            "operation '" + prefix + o.id() + "' has setup " + setup + " and per-unit time " + perUnit
                                    + " minutes");
                    continue;
                }
                operations.put(
                        prefix + o.id(),
                        new Candidate(
                                Optional.of(new Explosion.Step(
                                        prefix + o.id(),
                                        o.description(),
                                        o.workCentre(),
                                        setup,
                                        perUnit,
                                        List.of(),
                                        component,
                                        o.uninterruptible(),
                                        o.eachUnit())),
                                after));
            }
        }

        /** The applying operations, each with the applying operations it waits for (through skipped ones). */
        List<Explosion.Step> steps() {
            List<Explosion.Step> out = new ArrayList<>();
            for (Candidate c : operations.values()) {
                if (c.step().isEmpty()) {
                    continue;
                }
                Set<String> after = new LinkedHashSet<>();
                List<String> todo = new ArrayList<>(c.after());
                Set<String> seen = new LinkedHashSet<>();
                while (!todo.isEmpty()) {
                    String p = todo.remove(0);
                    Candidate q = operations.get(p);
                    if (!seen.add(p) || q == null) {
                        continue;
                    }
                    if (q.step().isPresent()) {
                        after.add(p);
                    } else {
                        todo.addAll(q.after());
                    }
                }
                Explosion.Step s = c.step().get();
                out.add(new Explosion.Step(
                        s.id(),
                        s.description(),
                        s.workCentreType(),
                        s.setupMinutes(),
                        s.perUnitMinutes(),
                        List.copyOf(after),
                        s.component(),
                        s.uninterruptible(),
                        s.eachUnit()));
            }
            return out;
        }

        private void negative(ProductModel.Source at, String what) {
            problems.add(new Diagnostic(
                    at.file(),
                    at.line(),
                    at.column(),
                    what + " in this configuration",
                    "",
                    "add a rule that keeps the formula at zero or above, or a 'when' that skips it."));
        }

        private static String label(ProductModel.Component c) {
            Map<String, String> labels = c.labels().isEmpty() ? c.model().labels() : c.labels();
            return labels.getOrDefault(
                    "en", labels.values().stream().findFirst().orElse(c.name()));
        }
    }
}
