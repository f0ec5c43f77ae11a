package no.tilpass.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.LoadResult;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;
import org.junit.jupiter.api.Test;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

class ShippedModelsTest {
    private static Path models() {
        return Path.of(System.getProperty("tilpass.root", "..")).resolve("models");
    }

    private static ProductModel load(String name) {
        ModelLoader.Result r = ModelLoader.load(models().resolve(name));
        if (r instanceof ModelLoader.Result.Failed f) {
            throw new AssertionError("failed:\n"
                    + String.join(
                            "\n", f.errors().stream().map(Diagnostic::format).toList()));
        }
        ModelLoader.Result.Loaded l = (ModelLoader.Result.Loaded) r;
        assertThat(l.warnings()).as("warnings").extracting(Diagnostic::format).isEmpty();
        return l.model();
    }

    static ISolver solver(SolutionSpace space) throws ContradictionException {
        ISolver s = SolverFactory.newDefault();
        s.newVar(space.cnf().variableCount());
        for (int[] c : space.cnf().clauses()) {
            s.addClause(new VecInt(c));
        }
        return s;
    }

    /** Every value of every option that no valid configuration can take. */
    static List<String> deadValues(SolutionSpace space) throws ContradictionException, TimeoutException {
        ISolver s = solver(space);
        List<String> dead = new ArrayList<>();
        for (Option o : space.options()) {
            for (int i = 0; i < o.valueCount(); i++) {
                if (!s.isSatisfiable(new VecInt(new int[] {o.literal(i)}))) {
                    dead.add(o.name() + "=" + o.values().get(i));
                }
            }
        }
        return dead;
    }

    /** The default values, together, satisfy every rule. */
    static boolean defaultsAreValid(SolutionSpace space) throws ContradictionException, TimeoutException {
        ISolver s = solver(space);
        VecInt assumptions = new VecInt();
        for (Option o : space.options()) {
            if (o.defaultIndex() >= 0) {
                assumptions.push(o.literal(o.defaultIndex()));
            }
        }
        return s.isSatisfiable(assumptions);
    }

    @Test
    void the_window_model_loads_without_errors_or_warnings_and_has_no_dead_values() throws Exception {
        ProductModel window = load("window.tpm");
        assertThat(window.options()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(window.rules()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(window.space().option("fittings.hinge_type")).isPresent();
        assertThat(window.rules()).extracting(ProductModel.RuleInfo::id).contains("R01", "fittings.F1");
        assertThat(window.components()).extracting(ProductModel.Component::name).containsExactly("fittings");
        assertThat(solver(window.space()).isSatisfiable()).isTrue();
        // values of the fitting set that only doors use are dead here; ShippedProductsTest checks those
        assertThat(deadValues(window.space()).stream().filter(d -> !d.startsWith("fittings.")))
                .isEmpty();
        assertThat(deadValues(window.space())).contains("fittings.application=door");
        assertThat(defaultsAreValid(window.space())).isTrue();
        assertThat(window.bom()).isNotEmpty();
        assertThat(window.routing().operations()).isNotEmpty();
    }

    @Test
    void the_window_model_meets_the_size_the_issue_asks_for() throws Exception {
        ProductModel window = load("window.tpm");
        List<ProductModel.OptionInfo> own =
                window.options().stream().filter(o -> !o.name().contains(".")).toList();
        assertThat(own).as("options of the window itself").hasSizeGreaterThanOrEqualTo(25);
        List<ProductModel.RuleInfo> ownRules =
                window.rules().stream().filter(r -> !r.id().contains(".")).toList();
        assertThat(ownRules).as("rules of the window itself").hasSizeGreaterThanOrEqualTo(40);
        assertThat(window.space().options()).hasSameSizeAs(window.options());
        assertThat(window.space().rules()).hasSameSizeAs(window.rules());
        assertThat(ownRules).as("numeric rules").anyMatch(r -> Expr.show(r.constraint())
                .contains("*"));
        assertThat(ownRules).as("table rules").anyMatch(r -> r.id().equals("R31"));
        for (ProductModel.OptionInfo o : window.options()) {
            assertThat(o.labels().keySet()).as("labels of " + o.name()).contains("nb", "sv", "en");
        }
        assertThat(window.price().base()).isPositive();
        assertThat(window.price().lines()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(solver(window.space()).isSatisfiable()).isTrue();
    }

    @Test
    void the_fittings_model_loads_and_has_no_dead_values() throws Exception {
        ProductModel fittings = load("fittings.tpm");
        assertThat(fittings.firm()).isEqualTo("Hitterdal Metall AS");
        assertThat(deadValues(fittings.space())).isEmpty();
        assertThat(defaultsAreValid(fittings.space())).isTrue();
    }

    @Test
    void load_space_gives_the_same_space_as_a_plain_load_result() {
        LoadResult r = ModelLoader.loadSpace(models().resolve("window.tpm"));
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        SolutionSpace space = ((LoadResult.Loaded) r).space();
        assertThat(space.name()).isEqualTo("casement_window");
        assertThat(space.option("width").orElseThrow().valueCount()).isEqualTo(201);
    }
}
