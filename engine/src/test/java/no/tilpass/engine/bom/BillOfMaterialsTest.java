package no.tilpass.engine.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillOfMaterialsTest {
    private static final String SHELF =
            """
            model shelf {
                option a: int 1..9 { default 2 }
                option b: int 0..20 step 5 { default 5 }
                option c: enum { value x value y default x }
                option d: bool { default false }
                rule R1 "Enough parts" { a + b >= 3 explain "A shelf needs a plus b at least 3." }
                bom {
                    item side "Side" qty a + b / 5 length a * 100 + b unit mm profile pine_20x200
                    item top "Top" qty 2 length max(a, b) * 10 unit cm when d
                    item glass "Glass" qty 1 area a * b * 1000 when c == y
                    item screw "Screw" qty (if d then 4 else 2) * a
                    item none "Never" qty a - a
                }
                routing {
                    workcentre saw "Saw"
                    workcentre bench "Bench"
                    operation cut "Cut" on saw setup 5 + a per_unit a * 2 + b
                    operation glue "Glue" on bench setup 3 per_unit b / 5 after cut when d
                    operation pack "Pack" on bench setup 0 per_unit 1 after glue
                }
            }
            """;

    static ProductModel parse(String text) {
        ModelLoader.Result r = ModelLoader.parse("inline.tpm", text);
        if (r instanceof ModelLoader.Result.Failed f) {
            throw new AssertionError(String.join(
                    "\n", f.errors().stream().map(Diagnostic::format).toList()));
        }
        return ((ModelLoader.Result.Loaded) r).model();
    }

    static Explosion.Exploded exploded(Explosion e) {
        if (e instanceof Explosion.Rejected r) {
            throw new AssertionError("rejected:\n"
                    + String.join(
                            "\n", r.problems().stream().map(Diagnostic::format).toList()));
        }
        return (Explosion.Exploded) e;
    }

    private static Map<String, String> shelf(long a, long b, String c, boolean d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a", Long.toString(a));
        m.put("b", Long.toString(b));
        m.put("c", c);
        m.put("d", Boolean.toString(d));
        return m;
    }

    private static Explosion.Line line(Explosion.Exploded e, String path) {
        return e.lines().stream()
                .filter(l -> l.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + path + " in " + e.lines()));
    }

    @Test
    void quantities_lengths_areas_and_times_equal_the_formulas_evaluated_directly_on_random_configurations() {
        ProductModel model = parse(SHELF);
        long seed = 20261130L;
        Random random = new Random(seed);
        int checked = 0;
        for (int round = 0; round < 300; round++) {
            long a = 1 + random.nextInt(9);
            long b = 5L * random.nextInt(5);
            String c = random.nextBoolean() ? "x" : "y";
            boolean d = random.nextBoolean();
            String where = "seed " + seed + " round " + round + " a=" + a + " b=" + b + " c=" + c + " d=" + d;
            Explosion result = BillOfMaterials.explode(model, shelf(a, b, c, d));
            if (a + b < 3) {
                assertThat(result).as(where).isInstanceOf(Explosion.Rejected.class);
                continue;
            }
            Explosion.Exploded e = exploded(result);
            checked++;
            Set<String> expected = new LinkedHashSet<>(List.of("side"));
            if (d) {
                expected.add("top");
            }
            if (c.equals("y")) {
                expected.add("glass");
            }
            expected.add("screw");
            assertThat(e.lines()).as(where).extracting(Explosion.Line::path).containsExactlyElementsOf(expected);
            assertThat(line(e, "side").quantity()).as(where).isEqualTo(a + b / 5);
            assertThat(line(e, "side").lengthMm()).as(where).isEqualTo(OptionalLong.of(a * 100 + b));
            assertThat(line(e, "screw").quantity()).as(where).isEqualTo((d ? 4 : 2) * a);
            assertThat(line(e, "screw").length()).as(where).isEmpty();
            List<Explosion.Cut> cuts =
                    new ArrayList<>(List.of(new Explosion.Cut("pine_20x200", a * 100 + b, a + b / 5, "side")));
            if (d) {
                assertThat(line(e, "top").length()).as(where).isEqualTo(OptionalLong.of(Math.max(a, b) * 10));
                assertThat(line(e, "top").unit()).as(where).isEqualTo("cm");
                cuts.add(new Explosion.Cut("top", Math.max(a, b) * 100, 2, "top"));
            }
            if (c.equals("y")) {
                assertThat(line(e, "glass").areaMm2()).as(where).isEqualTo(OptionalLong.of(a * b * 1000));
                assertThat(line(e, "glass").profile()).as(where).isEmpty();
            }
            assertThat(e.cuts()).as(where).containsExactlyElementsOf(cuts);
            List<Explosion.Step> steps = new ArrayList<>();
            steps.add(new Explosion.Step("cut", "Cut", "saw", 5 + a, a * 2 + b, List.of(), "", false, false));
            if (d) {
                steps.add(new Explosion.Step("glue", "Glue", "bench", 3, b / 5, List.of("cut"), "", false, false));
            }
            steps.add(new Explosion.Step("pack", "Pack", "bench", 0, 1, List.of(d ? "glue" : "cut"), "", false, false));
            assertThat(e.operations()).as(where).containsExactlyElementsOf(steps);
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void an_incomplete_configuration_is_rejected_with_the_missing_options_named() {
        Map<String, String> c = shelf(2, 5, "x", false);
        c.remove("c");
        Explosion e = BillOfMaterials.explode(parse(SHELF), c);
        assertThat(e).isInstanceOf(Explosion.Rejected.class);
        assertThat(((Explosion.Rejected) e).problems())
                .extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("no value") && m.contains("c"));
    }

    @Test
    void unknown_values_and_broken_rules_are_rejected_with_reasons() {
        Map<String, String> c = shelf(2, 5, "x", false);
        c.put("c", "z");
        Explosion.Rejected bad = (Explosion.Rejected) BillOfMaterials.explode(parse(SHELF), c);
        assertThat(bad.problems()).extracting(Diagnostic::message).anyMatch(m -> m.contains("'z'"));
        Explosion.Rejected broken = (Explosion.Rejected) BillOfMaterials.explode(parse(SHELF), shelf(1, 0, "x", false));
        assertThat(broken.problems()).extracting(Diagnostic::message).anyMatch(m -> m.contains("R1"));
    }

    @Test
    void a_negative_quantity_is_rejected_pointing_at_the_bom_line() {
        ProductModel model = parse(
                """
                model m {
                    option a: int 1..5 { default 1 }
                    bom { item x "X" qty 2 - a }
                }
                """);
        assertThat(BillOfMaterials.explode(model, Map.of("a", "2"))).isInstanceOf(Explosion.Exploded.class);
        Explosion.Rejected r = (Explosion.Rejected) BillOfMaterials.explode(model, Map.of("a", "3"));
        assertThat(r.problems()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("'x'", "-1");
            assertThat(d.maybe()).isNotEmpty();
        });
    }

    @Test
    void a_component_bom_is_nested_under_its_component_line_and_evaluated_on_its_own_options(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("hinges.tpm"),
                """
                model hinge_set {
                    label en "Hinge set"
                    option count: int 2..4 { default 2 }
                    option finish: enum { value zinc value steel default zinc }
                    bom {
                        item hinge "Hinge" qty count
                        item pin "Pin" qty count length 60 unit mm profile steel_rod when finish == steel
                    }
                    routing {
                        workcentre press "Press"
                        operation stamp "Stamp" on press setup 4 per_unit count
                        operation coat "Coat" on press setup 2 per_unit 1 after stamp when finish == steel
                    }
                }
                """);
        Files.writeString(
                dir.resolve("door.tpm"),
                """
                model door {
                    component hinges: "hinges.tpm" { label en "Hinges for the door" }
                    option height: int 1800..2400 step 100 { default 2100 }
                    rule R1 "Tall doors" { height > 2100 requires hinges.count >= 3 explain "Tall doors need three hinges." }
                    bom {
                        item leaf "Door leaf" qty 1 length height unit mm
                        item screw "Screw" qty 4 * hinges.count
                    }
                    routing {
                        workcentre saw "Saw"
                        operation cut "Cut" on saw setup 1 per_unit 2
                        operation hang "Hang the leaf" on saw setup 0 per_unit 5 after cut, hinges.coat
                    }
                }
                """);
        ModelLoader.Result r = ModelLoader.load(dir.resolve("door.tpm"));
        ProductModel door = ((ModelLoader.Result.Loaded) r).model();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("height", "2300");
        c.put("hinges.count", "3");
        c.put("hinges.finish", "steel");
        Explosion.Exploded e = exploded(BillOfMaterials.explode(door, c));

        assertThat(e.lines())
                .extracting(l -> l.path() + "@" + l.level() + "<" + l.parent() + " x" + l.quantity())
                .containsExactly(
                        "leaf@1< x1",
                        "screw@1< x12",
                        "hinges@1< x1",
                        "hinges.hinge@2<hinges x3",
                        "hinges.pin@2<hinges x3");
        assertThat(line(e, "hinges").component()).isTrue();
        assertThat(line(e, "hinges").description()).isEqualTo("Hinges for the door");
        assertThat(e.cuts())
                .containsExactly(
                        new Explosion.Cut("leaf", 2300, 1, "leaf"),
                        new Explosion.Cut("steel_rod", 60, 3, "hinges.pin"));
        assertThat(e.operations())
                .containsExactly(
                        new Explosion.Step("cut", "Cut", "saw", 1, 2, List.of(), "", false, false),
                        new Explosion.Step("hinges.stamp", "Stamp", "press", 4, 3, List.of(), "hinges", false, false),
                        new Explosion.Step(
                                "hinges.coat", "Coat", "press", 2, 1, List.of("hinges.stamp"), "hinges", false, false),
                        new Explosion.Step(
                                "hang", "Hang the leaf", "saw", 0, 5, List.of("cut", "hinges.coat"), "", false, false));

        c.put("height", "2000");
        c.put("hinges.count", "2");
        c.put("hinges.finish", "zinc");
        Explosion.Exploded plain = exploded(BillOfMaterials.explode(door, c));
        assertThat(plain.lines()).extracting(Explosion.Line::path).doesNotContain("hinges.pin");
        assertThat(line(plain, "hinges.hinge").quantity()).isEqualTo(2);
        assertThat(plain.operations())
                .filteredOn(s -> s.id().equals("hang"))
                .singleElement()
                .extracting(Explosion.Step::after)
                .as("without coating the leaf waits for the stamping the coating would have waited for")
                .isEqualTo(List.of("cut", "hinges.stamp"));
    }

    @Test
    void operations_come_after_every_operation_they_wait_for_also_through_skipped_ones_on_random_routings() {
        long seed = 7L;
        Random random = new Random(seed);
        for (int round = 0; round < 60; round++) {
            int n = 2 + random.nextInt(8);
            boolean[] applies = new boolean[n];
            List<Set<Integer>> after = new ArrayList<>();
            StringBuilder ops = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Set<Integer> preds = new LinkedHashSet<>();
                for (int j = 0; j < i; j++) {
                    if (random.nextInt(3) == 0) {
                        preds.add(j);
                    }
                }
                after.add(preds);
                applies[i] = random.nextInt(4) != 0;
                ops.append("operation o").append(i).append(" \"Op\" on w setup 1 per_unit 1");
                if (!preds.isEmpty()) {
                    ops.append(" after ")
                            .append(String.join(
                                    ", ", preds.stream().map(p -> "o" + p).toList()));
                }
                ops.append(applies[i] ? " when on" : " when not on").append('\n');
            }
            // declare the operations in a shuffled order so that model order is not already topological
            List<String> lines = new ArrayList<>(List.of(ops.toString().split("\n")));
            Collections.shuffle(lines, random);
            ProductModel model = parse("model m {\n option on: bool { default true }\n routing {\n workcentre w \"W\"\n"
                    + String.join("\n", lines) + "\n }\n}\n");
            List<Explosion.Step> steps = exploded(BillOfMaterials.explode(model, Map.of("on", "true")))
                    .operations();
            String where = "seed " + seed + " round " + round + "\n" + String.join("\n", lines);
            Set<String> placed = new HashSet<>();
            for (Explosion.Step s : steps) {
                assertThat(placed).as(where).containsAll(s.after());
                placed.add(s.id());
            }
            for (int i = 0; i < n; i++) {
                String id = "o" + i;
                if (!applies[i]) {
                    assertThat(placed).as(where).doesNotContain(id);
                    continue;
                }
                // oracle: the nearest applying operations reached backwards through skipped ones
                Set<String> expected = new HashSet<>();
                List<Integer> todo = new ArrayList<>(after.get(i));
                Set<Integer> seen = new HashSet<>();
                while (!todo.isEmpty()) {
                    int p = todo.remove(todo.size() - 1);
                    if (seen.add(p)) {
                        if (applies[p]) {
                            expected.add("o" + p);
                        } else {
                            todo.addAll(after.get(p));
                        }
                    }
                }
                Explosion.Step step = steps.stream()
                        .filter(s -> s.id().equals(id))
                        .findFirst()
                        .orElseThrow();
                assertThat(step.after()).as(where).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void waiting_for_an_unknown_operation_of_a_component_is_a_load_error_with_a_suggestion(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("part.tpm"),
                "model part { routing { workcentre press \"Press\" operation stamp \"Stamp\" on press setup 1"
                        + " per_unit 1 } }");
        Files.writeString(
                dir.resolve("main.tpm"),
                """
                model main {
                    component part: "part.tpm"
                    routing {
                        workcentre saw "Saw"
                        operation cut "Cut" on saw setup 1 per_unit 2 after part.stmp
                        operation saw "Saw" on saw setup 1 per_unit 2 after prt.stamp
                    }
                }
                """);
        ModelLoader.Result r = ModelLoader.load(dir.resolve("main.tpm"));
        assertThat(r).isInstanceOf(ModelLoader.Result.Failed.class);
        assertThat(((ModelLoader.Result.Failed) r).errors())
                .extracting(d -> d.message() + " / " + d.maybe())
                .containsExactly(
                        "unknown operation 'stmp' of component 'part' after 'after' / you meant 'stamp'.",
                        "unknown component 'prt' in 'after prt.stamp' / you meant 'part'.");
    }

    @Test
    void a_profile_type_without_a_length_is_a_load_error_with_a_fix() {
        ModelLoader.Result r = ModelLoader.parse(
                "inline.tpm",
                """
                model m {
                    option a: int 1..5
                    bom { item x "X" qty a profile pine }
                }
                """);
        assertThat(r).isInstanceOf(ModelLoader.Result.Failed.class);
        assertThat(((ModelLoader.Result.Failed) r).errors()).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("'x'", "profile 'pine'", "no length");
            assertThat(d.maybe()).contains("length");
        });
    }

    @Test
    void window_frame_and_sash_profiles_follow_the_width_and_height_formulas() {
        Path file = Path.of(System.getProperty("tilpass.root", "..")).resolve("models/window.tpm");
        ProductModel window = ((ModelLoader.Result.Loaded) ModelLoader.load(file)).model();
        Map<String, String> base = new LinkedHashMap<>();
        for (ProductModel.OptionInfo o : window.options()) {
            base.put(o.name(), o.defaultValue().orElseThrow());
        }
        int checked = 0;
        for (int w = 600; w <= 1400; w += 200) {
            for (int h = 600; h <= 1600; h += 250) {
                Map<String, String> c = new LinkedHashMap<>(base);
                c.put("width", Integer.toString(w));
                c.put("height", Integer.toString(h));
                if (!(BillOfMaterials.explode(window, c) instanceof Explosion.Exploded e)) {
                    continue;
                }
                checked++;
                long sashes = Long.parseLong(c.get("sashes"));
                // a frame is four pieces cut with mitres at their outer length: head and sill from the width,
                // the jambs from the height, all from the frame profile's bars
                assertThat(line(e, "frame_profile__head").lengthMm()).isEqualTo(OptionalLong.of(w));
                assertThat(line(e, "frame_profile__jamb").lengthMm()).isEqualTo(OptionalLong.of(h));
                assertThat(e.cuts())
                        .contains(
                                new Explosion.Cut("frame_profile", w, 2, "frame_profile__head"),
                                new Explosion.Cut("frame_profile", h, 2, "frame_profile__jamb"));
                long frameCut = e.cuts().stream()
                        .filter(k -> k.profile().equals("frame_profile"))
                        .mapToLong(k -> k.lengthMm() * k.pieces())
                        .sum();
                assertThat(frameCut).as("the frame's perimeter").isEqualTo(2L * (w + h));
                if (e.lines().stream().anyMatch(l -> l.path().equals("sash_profile__rail"))) {
                    assertThat(e.cuts())
                            .contains(
                                    new Explosion.Cut("sash_profile", w / sashes, 2 * sashes, "sash_profile__rail"),
                                    new Explosion.Cut("sash_profile", h, 2 * sashes, "sash_profile__stile"));
                }
                assertThat(e.lines()).extracting(Explosion.Line::path).contains("fittings");
            }
        }
        assertThat(checked).isGreaterThan(5);
    }
}
