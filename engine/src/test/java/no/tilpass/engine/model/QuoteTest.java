package no.tilpass.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;
import org.junit.jupiter.api.Test;
import org.sat4j.core.VecInt;
import org.sat4j.specs.ISolver;

class QuoteTest {
    private static ProductModel load(String name) {
        Path file = Path.of(System.getProperty("tilpass.root", ".."))
                .resolve("models")
                .resolve(name);
        return ((ModelLoader.Result.Loaded) ModelLoader.load(file)).model();
    }

    /** Every option at its soft default. */
    private static Map<String, String> defaults(ProductModel m) {
        Map<String, String> c = new LinkedHashMap<>();
        for (ProductModel.OptionInfo o : m.options()) {
            c.put(o.name(), o.defaultValue().orElseThrow());
        }
        return c;
    }

    private static ProductModel.Quote.Priced priced(ProductModel.Quote q) {
        if (q instanceof ProductModel.Quote.Rejected r) {
            throw new AssertionError("rejected:\n"
                    + String.join(
                            "\n", r.problems().stream().map(Diagnostic::format).toList()));
        }
        return (ProductModel.Quote.Priced) q;
    }

    @Test
    void the_default_window_is_priced_line_by_line_as_computed_by_hand_from_the_model() {
        ProductModel window = load("window.tpm");
        ProductModel.Quote.Priced q = priced(window.quote(defaults(window)));
        // 800 x 1200 mm, triple glazing, wood, one side-hung sash; fittings: 2 zinc butt hinges, standard handle
        assertThat(q.lines())
                .extracting(
                        ProductModel.QuoteLine::id, ProductModel.QuoteLine::label, ProductModel.QuoteLine::amountNok)
                .containsExactly(
                        tuple("base", "Base price", 2450L),
                        tuple("glass", "Glass, per m²", 1950 * 960_000L / 1_000_000),
                        tuple("frame", "Frame, per metre", 520 * 4000L / 1000),
                        tuple("fittings", "Fitting set", 180 + 2 * 60L));
        assertThat(q.lines())
                .extracting(l -> l.label("nb"))
                .containsExactly("Grunnpris", "Glass, per m²", "Karm, per meter", "Beslagsett");
        assertThat(q.totalNok()).isEqualTo(2450 + 1872 + 2080 + 300);
    }

    @Test
    void surcharges_by_option_and_per_piece_formulas_add_up() {
        ProductModel fittings = load("fittings.tpm");
        // a window fitting set: every option at its default but these
        Map<String, String> c = defaults(fittings);
        c.put("hinge_type", "concealed");
        c.put("hinge_count", "3");
        c.put("hinge_finish", "stainless");
        c.put("handle_model", "design");
        c.put("handle_finish", "brass");
        c.put("restrictor", "true");
        c.put("hinge_adjustment", "adj_3d");
        ProductModel.Quote.Priced q = priced(fittings.quote(c));
        assertThat(q.lines())
                .extracting(ProductModel.QuoteLine::id, ProductModel.QuoteLine::amountNok)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("base", 180L),
                        org.assertj.core.groups.Tuple.tuple("hinge", 140L),
                        org.assertj.core.groups.Tuple.tuple("hinges", 3 * 95L),
                        org.assertj.core.groups.Tuple.tuple("adjustment", 3 * 45L),
                        org.assertj.core.groups.Tuple.tuple("handle", 390L),
                        org.assertj.core.groups.Tuple.tuple("handle_finish", 85L),
                        org.assertj.core.groups.Tuple.tuple("restrictor", 120L));
        assertThat(q.totalNok()).isEqualTo(180 + 140 + 3 * 95 + 3 * 45 + 390 + 85 + 120);
    }

    @Test
    void bad_configurations_are_rejected_with_reasons_not_exceptions() {
        ProductModel window = load("window.tpm");
        Map<String, String> c = defaults(window);
        c.remove("height");
        c.put("widht", "800");
        c.put("glazing", "tripel");
        ProductModel.Quote q = window.quote(c);
        assertThat(q).isInstanceOf(ProductModel.Quote.Rejected.class);
        assertThat(((ProductModel.Quote.Rejected) q).problems())
                .extracting(Diagnostic::format)
                .anySatisfy(
                        s -> assertThat(s).contains("unknown option 'widht'").contains("Maybe you meant 'width'."))
                .anySatisfy(s -> assertThat(s).contains("'tripel' is not a value of option 'glazing'"))
                .anySatisfy(s -> assertThat(s).contains("no value for 1 option(s): height"));

        Map<String, String> tooBig = defaults(window);
        tooBig.put("width", "2400");
        tooBig.put("height", "2400");
        ProductModel.Quote broken = window.quote(tooBig);
        assertThat(broken).isInstanceOf(ProductModel.Quote.Rejected.class);
        assertThat(((ProductModel.Quote.Rejected) broken).problems())
                .extracting(Diagnostic::message)
                .anySatisfy(s -> assertThat(s).startsWith("the configuration breaks rule R01 \"Max glass area\""));
    }

    @Test
    void quoting_accepts_exactly_the_configurations_the_cnf_accepts() throws Exception {
        // seed choices: one option in twelve (was six before the fitting set grew to 27 options)
        ProductModel window = load("window.tpm");
        SolutionSpace space = window.space();
        ISolver solver = ShippedModelsTest.solver(space);
        Random random = new Random(42);
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < 300; round++) {
            Map<String, String> c = new LinkedHashMap<>();
            VecInt assumptions = new VecInt();
            if (round % 2 == 0) {
                // a random full configuration: almost always breaks some rule
                for (Option o : space.options()) {
                    int k = random.nextInt(o.valueCount());
                    c.put(o.name(), o.values().get(k));
                    assumptions.push(o.literal(k));
                }
            } else {
                // a solver model completing a few random choices: always valid
                VecInt seed = new VecInt();
                for (Option o : space.options()) {
                    if (random.nextInt(12) == 0) {
                        seed.push(o.literal(random.nextInt(o.valueCount())));
                    }
                }
                if (!solver.isSatisfiable(seed)) {
                    continue;
                }
                int[] model = solver.model();
                java.util.Set<Integer> trueLits = new java.util.HashSet<>();
                for (int l : model) {
                    trueLits.add(l);
                }
                for (Option o : space.options()) {
                    for (int k = 0; k < o.valueCount(); k++) {
                        if (trueLits.contains(o.literal(k))) {
                            c.put(o.name(), o.values().get(k));
                            assumptions.push(o.literal(k));
                        }
                    }
                }
            }
            boolean cnf = solver.isSatisfiable(assumptions);
            boolean quoted = window.quote(c) instanceof ProductModel.Quote.Priced;
            assertThat(quoted)
                    .as("seed 42, round %d, configuration %s", round, c)
                    .isEqualTo(cnf);
            accepted += quoted ? 1 : 0;
            rejected += quoted ? 0 : 1;
        }
        assertThat(accepted).as("valid configurations seen").isGreaterThan(50);
        assertThat(rejected).as("invalid configurations seen").isGreaterThan(50);
    }
}
