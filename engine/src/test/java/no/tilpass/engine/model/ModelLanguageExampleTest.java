package no.tilpass.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilpass.engine.space.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete example in docs/model-language.md loads without errors or warnings, is satisfiable, and
 * really uses every construct of the language.
 */
class ModelLanguageExampleTest {
    private static final Pattern BLOCK =
            Pattern.compile("<!-- file: ([\\w.-]+) -->\\s*```tpm\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    private static Path root() {
        return Path.of(System.getProperty("tilpass.root", ".."));
    }

    /** The file blocks of the doc's example, by file name. */
    static Map<String, String> exampleFiles() throws IOException {
        String doc = Files.readString(root().resolve("docs/model-language.md"));
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            files.put(m.group(1), m.group(2));
        }
        return files;
    }

    private ProductModel loadExample() throws IOException {
        Map<String, String> files = exampleFiles();
        assertThat(files).containsKeys("casement.tpm", "window-common.tpm");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Files.copy(root().resolve("models/fittings.tpm"), dir.resolve("fittings.tpm"));
        ModelLoader.Result r = ModelLoader.load(dir.resolve("casement.tpm"));
        if (r instanceof ModelLoader.Result.Failed f) {
            throw new AssertionError("the doc's example did not load:\n"
                    + String.join(
                            "\n", f.errors().stream().map(Diagnostic::format).toList()));
        }
        ModelLoader.Result.Loaded l = (ModelLoader.Result.Loaded) r;
        assertThat(l.warnings()).extracting(Diagnostic::format).isEmpty();
        return l.model();
    }

    @Test
    void the_documented_example_loads_without_warnings_and_has_valid_configurations() throws Exception {
        ProductModel m = loadExample();
        assertThat(ShippedModelsTest.solver(m.space()).isSatisfiable()).isTrue();
        assertThat(ShippedModelsTest.defaultsAreValid(m.space())).isTrue();
        assertThat(m.option("coastal")).as("option from the included fragment").isPresent();
        assertThat(m.space().option("fittings.hinge_type"))
                .as("component option")
                .isPresent();
        assertThat(m.rules()).extracting(ProductModel.RuleInfo::id).contains("C1", "R14", "fittings.F5");
    }

    @Test
    void the_documented_example_uses_every_construct_of_the_language() throws Exception {
        ProductModel m = loadExample();
        Set<String> seen = new HashSet<>();
        for (ProductModel.RuleInfo r : m.rules()) {
            collect(r.constraint(), seen);
        }
        for (ProductModel.PriceLine l : m.price().lines()) {
            collect(l.amount(), seen);
            collect(l.when(), seen);
        }
        for (ProductModel.BomLine b : m.bom()) {
            collect(b.quantity(), seen);
            b.length().ifPresent(e -> collect(e, seen));
            collect(b.when(), seen);
        }
        for (ProductModel.Operation o : m.routing().operations()) {
            collect(o.setup(), seen);
            collect(o.perUnit(), seen);
            collect(o.when(), seen);
        }
        Set<String> expected = new HashSet<>(List.of("Not", "Neg", "In", "Range", "If", "Sym", "Ref"));
        for (Expr.Op op : EnumSet.allOf(Expr.Op.class)) {
            expected.add(op.name());
        }
        for (Expr.Fn fn : EnumSet.allOf(Expr.Fn.class)) {
            expected.add(fn.name());
        }
        for (Expr.Bound b : EnumSet.allOf(Expr.Bound.class)) {
            expected.add(b.name());
        }
        assertThat(seen).containsAll(expected);

        String text = exampleFiles().get("casement.tpm");
        assertThat(text)
                .contains("include \"", "component fittings:", "allow (", "forbid (", "(fixed, *)", "require ")
                .contains("explain nb ", "help nb ", "step 10 unit mm", "default ", "table ", "component fittings \"")
                .contains("        name nb ", "\" label nb ");
        assertThat(m.options())
                .extracting(ProductModel.OptionInfo::kind)
                .contains(
                        no.tilpass.engine.space.OptionKind.BOOLEAN,
                        no.tilpass.engine.space.OptionKind.ENUM,
                        no.tilpass.engine.space.OptionKind.INTEGER);
        assertThat(m.groups()).anyMatch(g -> !g.help().isEmpty());
        assertThat(m.price().lines()).extracting(ProductModel.PriceLine::id).contains("fittings", "opening");
        assertThat(m.routing().operations()).anyMatch(o -> o.after().size() == 2);
        assertThat(m.bom()).anyMatch(b -> b.area().isPresent()).anyMatch(b -> !b.profile()
                .isEmpty());
    }

    private static void collect(Expr e, Set<String> seen) {
        seen.add(e.getClass().getSimpleName());
        if (e instanceof Expr.Not n) {
            collect(n.operand(), seen);
        } else if (e instanceof Expr.Neg n) {
            collect(n.operand(), seen);
        } else if (e instanceof Expr.Binary b) {
            seen.add(b.op().name());
            collect(b.left(), seen);
            collect(b.right(), seen);
        } else if (e instanceof Expr.In i) {
            collect(i.operand(), seen);
            i.items().forEach(x -> collect(x, seen));
        } else if (e instanceof Expr.If i) {
            collect(i.condition(), seen);
            collect(i.then(), seen);
            collect(i.otherwise(), seen);
        } else if (e instanceof Expr.Call c) {
            seen.add(c.fn().name());
            c.args().forEach(x -> collect(x, seen));
        } else if (e instanceof Expr.Count c) {
            seen.add(c.bound().name());
            c.items().forEach(x -> collect(x, seen));
        }
    }
}
