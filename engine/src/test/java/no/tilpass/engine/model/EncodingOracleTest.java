package no.tilpass.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.SolutionSpace;
import org.junit.jupiter.api.Test;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.tools.ModelIterator;

/**
 * The CNF of random small models has exactly the configurations that satisfy the rules, evaluated
 * directly on the AST, and exactly one model per configuration (auxiliary variables fully defined).
 */
class EncodingOracleTest {
    private static final Encoder.Limits TINY = new Encoder.Limits(1_000_000, 1, 200_000, 2);

    @Test
    void random_models_compile_to_exactly_their_configurations() throws Exception {
        for (long seed = 1; seed <= 120; seed++) {
            check(seed, Encoder.Limits.DEFAULT);
        }
    }

    @Test
    void random_models_compile_exactly_through_tseitin_gates_and_ladders() throws Exception {
        int withAuxiliaries = 0;
        for (long seed = 1001; seed <= 1120; seed++) {
            ProductModel m = check(seed, TINY);
            int optionVariables = 0;
            for (Option o : m.space().options()) {
                optionVariables += o.kind() == no.tilpass.engine.space.OptionKind.BOOLEAN ? 1 : o.valueCount();
            }
            withAuxiliaries += m.space().cnf().variableCount() > optionVariables ? 1 : 0;
        }
        assertThat(withAuxiliaries)
                .as("models whose CNF has auxiliary variables")
                .isGreaterThan(60);
    }

    @Test
    void products_of_integer_options_compile_exactly() throws Exception {
        String text =
                """
                model m {
                  option w: int 4..40 step 2
                  option h: int 1..9
                  option big: bool
                  rule R1 "area" { w * h <= 60  explain "x" }
                  rule R2 "ratio" { when big  w / 3 >= h  h % 2 == 1 explain "x" }
                }
                """;
        for (Encoder.Limits limits : List.of(Encoder.Limits.DEFAULT, TINY)) {
            assertExact(load(text, limits), text);
        }
    }

    private static ProductModel check(long seed, Encoder.Limits limits) throws Exception {
        String text = RandomModels.model(new Random(seed));
        ProductModel model;
        try {
            model = load(text, limits);
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + text, e);
        }
        assertExact(model, "seed " + seed + "\n" + text);
        return model;
    }

    static ProductModel load(String text, Encoder.Limits limits) {
        ModelLoader.Result r = ModelLoader.parse("random.tpm", text, Path.of("."), limits);
        if (r instanceof ModelLoader.Result.Failed f) {
            throw new AssertionError(String.join(
                    "\n", f.errors().stream().map(Diagnostic::format).toList()));
        }
        return ((ModelLoader.Result.Loaded) r).model();
    }

    static void assertExact(ProductModel model, String context) throws Exception {
        SolutionSpace space = model.space();
        ISolver solver;
        boolean trivial = false;
        solver = SolverFactory.newDefault();
        solver.newVar(space.cnf().variableCount());
        try {
            for (int[] c : space.cnf().clauses()) {
                solver.addClause(new VecInt(c));
            }
        } catch (ContradictionException e) {
            trivial = true;
        }
        int valid = 0;
        for (Map<String, Object> config : Oracle.configurations(model)) {
            boolean expected = Oracle.valid(model, config);
            valid += expected ? 1 : 0;
            boolean actual = !trivial && solver.isSatisfiable(assumptions(space, config));
            assertThat(actual).as("%s\nconfiguration %s", context, config).isEqualTo(expected);
        }
        assertThat(countModels(space))
                .as("models of the CNF (aux variables defined)\n%s", context)
                .isEqualTo(valid);
    }

    private static VecInt assumptions(SolutionSpace space, Map<String, Object> config) {
        VecInt a = new VecInt();
        for (Option o : space.options()) {
            a.push(o.literal(o.indexOf(config.get(o.name()).toString())));
        }
        return a;
    }

    static long countModels(SolutionSpace space) throws Exception {
        ISolver s = new ModelIterator(SolverFactory.newDefault());
        s.newVar(space.cnf().variableCount());
        try {
            for (int[] c : space.cnf().clauses()) {
                s.addClause(new VecInt(c));
            }
        } catch (ContradictionException e) {
            return 0;
        }
        // the iterator enumerates only variables that clauses mention; each unmentioned one doubles the count
        boolean[] used = new boolean[space.cnf().variableCount() + 1];
        for (int[] c : space.cnf().clauses()) {
            for (int l : c) {
                used[Math.abs(l)] = true;
            }
        }
        List<Integer> unused = new ArrayList<>();
        for (int v = 1; v < used.length; v++) {
            if (!used[v]) {
                unused.add(v);
            }
        }
        long n = 0;
        while (s.isSatisfiable()) {
            s.model();
            n++;
        }
        return n * (1L << unused.size());
    }
}
