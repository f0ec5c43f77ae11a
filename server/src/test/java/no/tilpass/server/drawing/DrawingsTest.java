package no.tilpass.server.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DrawingsTest {

    private static Map<String, String> window(int width, int height, int sashes, String type, String hinge) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("width", Integer.toString(width));
        values.put("height", Integer.toString(height));
        values.put("sashes", Integer.toString(sashes));
        values.put("opening_type", type);
        values.put("hinge_side", hinge);
        values.put("opening_direction", "outward");
        values.put("colour_outside", "barn_red");
        return values;
    }

    private static double centreX(Shape shape) {
        Shape.Rect rect = (Shape.Rect) shape;
        return rect.x() + rect.width() / 2;
    }

    @Test
    void a_two_sash_window_1200_wide_has_its_mullion_at_600_mm() {
        Drawing drawing = Drawings.draw("casement_window", window(1200, 1400, 2, "side_hung", "left"));

        assertThat(drawing.kind()).isEqualTo("window");
        assertThat(drawing.width()).isEqualTo(1200);
        assertThat(drawing.height()).isEqualTo(1400);
        assertThat(drawing.withRole("mullion")).hasSize(1);
        assertThat(centreX(drawing.withRole("mullion").get(0))).isCloseTo(600, within(1e-9));
        assertThat(drawing.withRole("sash")).hasSize(2);
    }

    @Test
    void mullions_divide_any_window_into_equal_sashes() {
        long seed = 20261130L;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int width = 400 + 10 * random.nextInt(201);
            int sashes = 1 + random.nextInt(3);
            Drawing drawing = Drawings.draw("casement_window", window(width, 1200, sashes, "side_hung", "left"));
            List<Double> centres = drawing.withRole("mullion").stream()
                    .map(DrawingsTest::centreX)
                    .sorted()
                    .toList();
            assertThat(centres).as("seed %d round %d", seed, round).hasSize(sashes - 1);
            for (int i = 0; i < centres.size(); i++) {
                assertThat(centres.get(i))
                        .as("seed %d round %d", seed, round)
                        .isCloseTo((double) width * (i + 1) / sashes, within(1e-6));
            }
        }
    }

    /** The apex of an opening triangle: the middle of its three points. */
    private static Shape.Point apex(Shape shape) {
        return ((Shape.Polyline) shape).points().get(1);
    }

    private static List<Shape.Point> ends(Shape shape) {
        List<Shape.Point> points = ((Shape.Polyline) shape).points();
        return List.of(points.get(0), points.get(2));
    }

    @Test
    void a_hinge_left_side_hung_sash_points_its_opening_triangle_left_and_a_hinge_right_one_right() {
        Drawing left = Drawings.draw("casement_window", window(1200, 1400, 2, "side_hung", "left"));
        Drawing right = Drawings.draw("casement_window", window(1200, 1400, 2, "side_hung", "right"));

        assertThat(left.withRole("opening")).hasSize(2);
        for (Shape symbol : left.withRole("opening")) {
            assertThat(ends(symbol))
                    .allSatisfy(end -> assertThat(apex(symbol).x()).isLessThan(end.x()));
        }
        for (Shape symbol : right.withRole("opening")) {
            assertThat(ends(symbol))
                    .allSatisfy(end -> assertThat(apex(symbol).x()).isGreaterThan(end.x()));
        }
        // The apex lies on the glass edge of its own sash.
        List<Shape> glass = left.withRole("glass");
        Shape.Rect firstGlass = (Shape.Rect) glass.stream()
                .min(Comparator.comparingDouble(s -> ((Shape.Rect) s).x()))
                .orElseThrow();
        assertThat(left.withRole("opening").stream().map(DrawingsTest::apex).map(Shape.Point::x))
                .contains(firstGlass.x());
    }

    @Test
    void a_top_hung_window_points_up_a_tilt_turn_one_to_the_hinge_and_down_and_a_fixed_one_has_no_symbol() {
        Drawing topHung = Drawings.draw("casement_window", window(1000, 1000, 1, "top_hung", "top"));
        Shape up = topHung.withRole("opening").get(0);
        assertThat(ends(up)).allSatisfy(end -> assertThat(apex(up).y()).isLessThan(end.y()));

        Drawing tiltTurn = Drawings.draw("casement_window", window(1000, 1200, 1, "tilt_turn", "right"));
        assertThat(tiltTurn.withRole("opening")).hasSize(2);
        assertThat(tiltTurn.withRole("opening"))
                .anySatisfy(s -> assertThat(ends(s))
                        .allSatisfy(e -> assertThat(apex(s).x()).isGreaterThan(e.x())))
                .anySatisfy(s -> assertThat(ends(s))
                        .allSatisfy(e -> assertThat(apex(s).y()).isGreaterThan(e.y())));

        Drawing fixed = Drawings.draw("casement_window", window(1000, 1200, 1, "fixed", "none"));
        assertThat(fixed.withRole("opening")).isEmpty();
        assertThat(fixed.withRole("handle")).isEmpty();
        assertThat(fixed.withRole("glass")).hasSize(1);
    }

    @Test
    void an_inward_opening_sash_is_drawn_dashed_because_it_opens_away_from_the_viewer() {
        Map<String, String> values = window(1000, 1200, 1, "side_hung", "left");
        values.put("opening_direction", "inward");
        Shape.Polyline inward = (Shape.Polyline)
                Drawings.draw("casement_window", values).withRole("opening").get(0);
        Shape.Polyline outward =
                (Shape.Polyline) Drawings.draw("casement_window", window(1000, 1200, 1, "side_hung", "left"))
                        .withRole("opening")
                        .get(0);
        assertThat(inward.dashed()).isTrue();
        assertThat(outward.dashed()).isFalse();
    }

    @Test
    void dimension_lines_measure_and_label_the_outer_size_and_each_sash() {
        Drawing drawing = Drawings.draw("casement_window", window(1500, 1300, 3, "side_hung", "left"));
        List<Shape.Dimension> dimensions = drawing.withRole("dimension").stream()
                .map(Shape.Dimension.class::cast)
                .toList();
        assertThat(dimensions).allSatisfy(d -> assertThat(d.text()).isEqualTo(Long.toString(Math.round(d.length()))));
        assertThat(dimensions).extracting(d -> Math.round(d.length())).contains(1500L, 1300L, 500L);
        assertThat(dimensions).filteredOn(d -> Math.round(d.length()) == 500L).hasSize(3);
    }

    @Test
    void the_frame_is_painted_in_the_outside_colour_from_the_colour_table() {
        Drawing drawing = Drawings.draw("casement_window", window(1000, 1200, 1, "side_hung", "left"));
        Shape.Rect frame = (Shape.Rect) drawing.withRole("frame").get(0);
        assertThat(frame.fill()).isEqualTo(Colours.hex("barn_red").orElseThrow());
        assertThat(Colours.hex("barn_red").orElseThrow()).matches("#[0-9a-f]{6}");
    }

    @Test
    void muntins_divide_each_sash_into_its_glass_fields() {
        Map<String, String> values = window(1200, 1400, 2, "side_hung", "left");
        values.put("muntins", "glued");
        values.put("muntin_fields", "3");
        assertThat(Drawings.draw("casement_window", values).withRole("muntin")).hasSize(2 * 2);
        values.put("muntins", "none");
        assertThat(Drawings.draw("casement_window", values).withRole("muntin")).isEmpty();
    }

    @Test
    void a_model_without_the_options_a_drawer_reads_still_draws_an_outline() {
        Drawing bare = Drawings.draw("casement_window", Map.of());
        assertThat(bare.withRole("frame")).hasSize(1);
        assertThat(bare.withRole("mullion")).isEmpty();
        assertThat(bare.withRole("opening")).isEmpty();

        Drawing garbage = Drawings.draw("casement_window", Map.of("width", "wide", "sashes", "many"));
        assertThat(garbage.withRole("frame")).hasSize(1);

        Drawing unknown = Drawings.draw("garden_shed", Map.of("width", "2400", "height", "2000"));
        assertThat(unknown.kind()).isEqualTo("outline");
        assertThat(unknown.withRole("dimension")).hasSize(2);
        assertThat(Drawings.draw(null, Map.of()).kind()).isEqualTo("outline");
    }

    @Test
    void a_door_has_a_leaf_a_handle_on_the_lock_side_and_its_glass_panel() {
        Map<String, String> values = new LinkedHashMap<>(Map.of(
                "width",
                "1000",
                "height",
                "2100",
                "hinge_side",
                "left",
                "leaf_style",
                "half_glass",
                "colour_outside",
                "dark_green",
                "opening_direction",
                "outward"));
        Drawing door = Drawings.draw("exterior_door", values);
        assertThat(door.kind()).isEqualTo("door");
        assertThat(door.withRole("leaf")).hasSize(1);
        assertThat(door.withRole("glass")).hasSize(1);
        assertThat(((Shape.Rect) door.withRole("leaf").get(0)).fill())
                .isEqualTo(Colours.hex("dark_green").orElseThrow());
        Shape.Rect handle = (Shape.Rect) door.withRole("handle").get(0);
        assertThat(handle.x()).as("handle opposite the left hinges").isGreaterThan(500);
        Shape opening = door.withRole("opening").get(0);
        assertThat(ends(opening))
                .allSatisfy(end -> assertThat(apex(opening).x()).isLessThan(end.x()));

        values.put("leaf_style", "solid");
        assertThat(Drawings.draw("exterior_door", values).withRole("glass")).isEmpty();
        values.put("leaf_style", "raised_panels");
        assertThat(Drawings.draw("exterior_door", values).withRole("panel")).hasSize(2);
    }

    @Test
    void sidelights_and_a_transom_widen_and_heighten_the_drawing_by_400_mm_each() {
        Map<String, String> values = new LinkedHashMap<>(Map.of(
                "width", "1000", "height", "2100", "hinge_side", "right", "sidelight", "both", "transom", "true"));
        Drawing door = Drawings.draw("exterior_door", values);
        assertThat(door.width()).isEqualTo(1000 + 2 * 400);
        assertThat(door.height()).isEqualTo(2100 + 400);
        assertThat(door.withRole("sidelight")).hasSize(2);
        assertThat(door.withRole("transom")).hasSize(1);
        Shape.Rect frame = (Shape.Rect) door.withRole("frame").get(0);
        assertThat(frame.x()).isEqualTo(400);
        assertThat(frame.width()).isEqualTo(1000);
        assertThat(door.withRole("dimension").stream().map(d -> ((Shape.Dimension) d).text()))
                .contains("1000", "1800", "2100", "2500");
    }

    @Test
    void a_chair_is_upholstered_in_the_chosen_colour_with_its_armrests_and_headrest_when_chosen() {
        Map<String, String> values = new LinkedHashMap<>(Map.of(
                "upholstery_colour",
                "blue",
                "armrests",
                "adjustable",
                "headrest",
                "true",
                "back_height",
                "high",
                "base",
                "aluminium_polished",
                "back_type",
                "upholstered"));
        Drawing chair = Drawings.draw("office_chair", values);
        assertThat(chair.kind()).isEqualTo("chair");
        Shape.Rect seat = (Shape.Rect) chair.withRole("seat").get(0);
        assertThat(seat.fill()).isEqualTo(Colours.hex("blue").orElseThrow());
        assertThat(((Shape.Polyline) chair.withRole("base").get(0)).fill())
                .isEqualTo(Colours.hex("aluminium").orElseThrow());
        assertThat(chair.withRole("armrest")).isNotEmpty();
        assertThat(chair.withRole("headrest")).isNotEmpty();

        values.put("armrests", "none");
        values.put("headrest", "false");
        values.put("back_height", "medium");
        Drawing plain = Drawings.draw("office_chair", values);
        assertThat(plain.withRole("armrest")).isEmpty();
        assertThat(plain.withRole("headrest")).isEmpty();
        assertThat(chair.height() - plain.height()).isEqualTo(170 + (760 - 560));
    }

    @Test
    void a_wool_blue_value_takes_the_colour_of_the_longest_colour_name_it_contains() {
        assertThat(Colours.loose(java.util.Optional.of("wool_blue"), "#000000"))
                .isEqualTo(Colours.hex("blue").orElseThrow());
        assertThat(Colours.loose(java.util.Optional.of("dark_blue_wool"), "#000000"))
                .isEqualTo(Colours.hex("dark_blue").orElseThrow());
        assertThat(Colours.loose(java.util.Optional.of("plaid"), "#000000")).isEqualTo("#000000");
    }

    @Test
    void every_shipped_model_draws_its_default_configuration_inside_its_view_box() throws Exception {
        Path models = Path.of(System.getProperty("tilpass.root", "..")).resolve("models");
        List<Path> files;
        try (Stream<Path> list = Files.list(models)) {
            files = list.filter(p -> p.toString().endsWith(".tpm")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            if (!(ModelLoader.load(file) instanceof ModelLoader.Result.Loaded loaded)) {
                continue; // the model's own tests report why it does not load
            }
            ProductModel model = loaded.model();
            Map<String, String> defaults = new LinkedHashMap<>();
            model.options().forEach(o -> o.defaultValue().ifPresent(v -> defaults.put(o.name(), v)));
            Drawing drawing = Drawings.draw(model.name(), defaults);
            for (String kind : List.of("window", "door", "chair")) {
                if (model.name().contains(kind)) {
                    assertThat(drawing.kind()).as(file.toString()).isEqualTo(kind);
                }
            }
            assertInsideViewBox(drawing, file.toString());
        }
    }

    private static void assertInsideViewBox(Drawing drawing, String what) {
        Drawing.ViewBox box = drawing.viewBox();
        assertThat(drawing.flattened().flatMap(DrawingsTest::points)).as(what).allSatisfy(p -> {
            assertThat(p.x()).isBetween(box.x(), box.x() + box.width());
            assertThat(p.y()).isBetween(box.y(), box.y() + box.height());
        });
    }

    private static Stream<Shape.Point> points(Shape shape) {
        if (shape instanceof Shape.Rect r) {
            return Stream.of(new Shape.Point(r.x(), r.y()), new Shape.Point(r.x() + r.width(), r.y() + r.height()));
        }
        if (shape instanceof Shape.Line l) {
            return Stream.of(new Shape.Point(l.x1(), l.y1()), new Shape.Point(l.x2(), l.y2()));
        }
        if (shape instanceof Shape.Polyline p) {
            return p.points().stream();
        }
        if (shape instanceof Shape.Circle c) {
            return Stream.of(
                    new Shape.Point(c.cx() - c.r(), c.cy() - c.r()), new Shape.Point(c.cx() + c.r(), c.cy() + c.r()));
        }
        Shape.Text t = (Shape.Text) shape;
        return Stream.of(new Shape.Point(t.x(), t.y()));
    }

    @Test
    void every_shape_of_random_windows_doors_and_chairs_lies_inside_the_view_box() {
        long seed = 7L;
        Random random = new Random(seed);
        List<String> types = List.of("side_hung", "top_hung", "tilt_turn", "fixed");
        List<String> hinges = List.of("left", "right", "top", "none");
        List<Drawing> drawings = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            drawings.add(Drawings.draw(
                    "casement_window",
                    window(
                            400 + random.nextInt(2001),
                            400 + random.nextInt(2001),
                            1 + random.nextInt(3),
                            types.get(random.nextInt(types.size())),
                            hinges.get(random.nextInt(hinges.size())))));
            drawings.add(Drawings.draw(
                    "exterior_door",
                    Map.of(
                            "width", Integer.toString(700 + random.nextInt(600)),
                            "height", Integer.toString(1900 + random.nextInt(500)),
                            "hinge_side", random.nextBoolean() ? "left" : "right",
                            "panel_style",
                                    List.of("full_glass", "half", "side_strip", "solid")
                                            .get(random.nextInt(4)))));
            drawings.add(Drawings.draw(
                    "office_chair",
                    Map.of(
                            "headrest", Boolean.toString(random.nextBoolean()),
                            "armrests", random.nextBoolean() ? "fixed" : "none",
                            "back_height", random.nextBoolean() ? "high" : "medium",
                            "back_type", random.nextBoolean() ? "mesh" : "upholstered",
                            "footring", Boolean.toString(random.nextBoolean()),
                            "castors", random.nextBoolean() ? "glides" : "soft",
                            "seat_height", Integer.toString(400 + random.nextInt(200)))));
        }
        for (Drawing drawing : drawings) {
            Drawing.ViewBox box = drawing.viewBox();
            assertThat(drawing.flattened().flatMap(DrawingsTest::points))
                    .as("seed %d: %s", seed, drawing.kind())
                    .allSatisfy(p -> {
                        assertThat(p.x()).isBetween(box.x(), box.x() + box.width());
                        assertThat(p.y()).isBetween(box.y(), box.y() + box.height());
                    });
        }
    }

    @Test
    void the_drawing_serialises_to_the_state_json_shape_with_typed_shapes() throws Exception {
        Drawing drawing = Drawings.draw("casement_window", window(1200, 1400, 2, "side_hung", "left"));
        JsonNode json = new ObjectMapper().valueToTree(drawing);
        assertThat(json.get("width").asDouble()).isEqualTo(1200);
        assertThat(json.get("height").asDouble()).isEqualTo(1400);
        assertThat(json.get("shapes")).hasSize(drawing.shapes().size());
        List<String> types = new ArrayList<>();
        json.get("shapes").forEach(s -> types.add(s.get("type").asText()));
        assertThat(types).contains("rect", "polyline", "dimension");
        JsonNode mullion = json.get("shapes").findParents("role").stream()
                .filter(s -> s.get("role").asText().equals("mullion"))
                .findFirst()
                .orElseThrow();
        assertThat(mullion.get("x").asDouble() + mullion.get("width").asDouble() / 2)
                .isCloseTo(600, within(1e-9));
    }

    @Test
    void the_svg_is_well_formed_and_carries_every_part_with_its_role() throws Exception {
        Drawing drawing = Drawings.draw("casement_window", window(1200, 1400, 2, "tilt_turn", "left"));
        String svg = drawing.toSvg();
        Document document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getAttribute("viewBox")).isNotBlank();
        assertThat(document.getElementsByTagName("rect").getLength())
                .isEqualTo(
                        drawing.flattened().filter(Shape.Rect.class::isInstance).count());
        assertThat(document.getElementsByTagName("polyline").getLength())
                .isEqualTo(drawing.withRole("opening").size());
        assertThat(document.getElementsByTagName("text").getLength())
                .isEqualTo(drawing.withRole("dimension").size());
    }
}
