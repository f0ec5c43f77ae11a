package no.tilpass.engine.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import no.tilpass.engine.model.ProductModel;
import org.junit.jupiter.api.Test;

/** Random formulas in BOM lines and operations, evaluated by the engine and by a direct Java oracle. */
class RandomFormulaTest {

    /** A formula as model text and as a Java function of (a, b, c, d). */
    private record Formula(String text, ToLongFunction<long[]> value) {}

    private static Formula random(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            switch (r.nextInt(3)) {
                case 0 -> {
                    long n = r.nextInt(50);
                    return new Formula(Long.toString(n), v -> n);
                }
                case 1 -> {
                    int i = r.nextInt(2);
                    return new Formula(i == 0 ? "a" : "b", v -> v[i]);
                }
                default -> {
                    return new Formula("(if d then 7 else 3)", v -> v[3] != 0 ? 7 : 3);
                }
            }
        }
        Formula x = random(r, depth - 1);
        Formula y = random(r, depth - 1);
        return switch (r.nextInt(9)) {
            case 0 -> new Formula(
                    "(" + x.text() + " + " + y.text() + ")",
                    v -> x.value().applyAsLong(v) + y.value().applyAsLong(v));
            case 1 -> new Formula(
                    "(" + x.text() + " - " + y.text() + ")",
                    v -> x.value().applyAsLong(v) - y.value().applyAsLong(v));
            case 2 -> new Formula(
                    "(" + x.text() + " * " + y.text() + ")",
                    v -> x.value().applyAsLong(v) * y.value().applyAsLong(v));
            case 3 -> new Formula("(" + x.text() + " / " + y.text() + ")", v -> {
                long d = y.value().applyAsLong(v);
                return d == 0 ? 0 : Math.floorDiv(x.value().applyAsLong(v), d);
            });
            case 4 -> new Formula("(" + x.text() + " % " + y.text() + ")", v -> {
                long d = y.value().applyAsLong(v);
                return d == 0 ? 0 : Math.floorMod(x.value().applyAsLong(v), d);
            });
            case 5 -> new Formula(
                    "min(" + x.text() + ", " + y.text() + ")",
                    v -> Math.min(x.value().applyAsLong(v), y.value().applyAsLong(v)));
            case 6 -> new Formula(
                    "max(" + x.text() + ", " + y.text() + ")",
                    v -> Math.max(x.value().applyAsLong(v), y.value().applyAsLong(v)));
            case 7 -> new Formula(
                    "abs(" + x.text() + ")", v -> Math.abs(x.value().applyAsLong(v)));
            default -> new Formula(
                    "(if c == y then " + x.text() + " else " + y.text() + ")",
                    v -> v[2] == 1 ? x.value().applyAsLong(v) : y.value().applyAsLong(v));
        };
    }

    private static Formula nonNegative(Formula f) {
        return new Formula("abs(" + f.text() + ")", v -> Math.abs(f.value().applyAsLong(v)));
    }

    @Test
    void random_quantity_length_area_and_time_formulas_equal_their_direct_evaluation() {
        long seed = 1130L;
        Random random = new Random(seed);
        for (int round = 0; round < 40; round++) {
            Formula qty = nonNegative(random(random, 3));
            Formula inner = nonNegative(random(random, 3));
            Formula length = new Formula(
                    "(1 + " + inner.text() + ")", v -> 1 + inner.value().applyAsLong(v));
            Formula area = nonNegative(random(random, 3));
            Formula setup = nonNegative(random(random, 3));
            Formula perUnit = nonNegative(random(random, 3));
            String text = "model m {\n"
                    + " option a: int -5..20 { default 1 }\n"
                    + " option b: int 0..30 step 3 { default 3 }\n"
                    + " option c: enum { value x value y default x }\n"
                    + " option d: bool { default false }\n"
                    + " bom {\n"
                    + "  item p \"P\" qty 1 + " + qty.text() + " length " + length.text() + " unit mm profile bar\n"
                    + "  item g \"G\" qty 1 area " + area.text() + "\n"
                    + " }\n"
                    + " routing {\n  workcentre w \"W\"\n"
                    + "  operation o \"O\" on w setup " + setup.text() + " per_unit " + perUnit.text() + "\n"
                    + " }\n}\n";
            ProductModel model = BillOfMaterialsTest.parse(text);
            for (int k = 0; k < 25; k++) {
                long a = -5 + random.nextInt(26);
                long b = 3L * random.nextInt(11);
                boolean cy = random.nextBoolean();
                boolean d = random.nextBoolean();
                long[] v = {a, b, cy ? 1 : 0, d ? 1 : 0};
                Map<String, String> c = new LinkedHashMap<>();
                c.put("a", Long.toString(a));
                c.put("b", Long.toString(b));
                c.put("c", cy ? "y" : "x");
                c.put("d", Boolean.toString(d));
                String where = "seed " + seed + " round " + round + " " + c + "\n" + text;
                Explosion.Exploded e = BillOfMaterialsTest.exploded(BillOfMaterials.explode(model, c));
                long q = 1 + qty.value().applyAsLong(v);
                long len = length.value().applyAsLong(v);
                assertThat(e.cuts()).as(where).containsExactly(new Explosion.Cut("bar", len, q, "p"));
                assertThat(e.lines().get(0).quantity()).as(where).isEqualTo(q);
                assertThat(e.lines().get(1).areaMm2().orElseThrow())
                        .as(where)
                        .isEqualTo(area.value().applyAsLong(v));
                assertThat(e.operations()).as(where).singleElement().satisfies(s -> {
                    assertThat(s.setupMinutes()).isEqualTo(setup.value().applyAsLong(v));
                    assertThat(s.perUnitMinutes()).isEqualTo(perUnit.value().applyAsLong(v));
                });
            }
        }
    }
}
