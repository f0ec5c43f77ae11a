package no.tilpass.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tilpass.engine.space.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad model gives a diagnostic with file:line:column, the offending text and a Maybe line. */
class ModelDiagnosticsTest {
    private static final String HEAD =
            """
            model m {
              option width: int 400..2400 step 10 unit mm
              option height: int 400..2400 step 10 unit mm
              option frame: enum { value wood value wood_alu }
              option safety: bool
            """;

    @TempDir
    Path dir;

    private Diagnostic onlyError(String text) {
        ModelLoader.Result r = ModelLoader.parse("window.tpm", text, dir);
        assertThat(r).as("result of\n%s", text).isInstanceOf(ModelLoader.Result.Failed.class);
        List<Diagnostic> errors = ((ModelLoader.Result.Failed) r).errors();
        assertThat(errors).as("errors of\n%s", text).hasSize(1);
        Diagnostic d = errors.get(0);
        assertThat(d.line()).isPositive();
        assertThat(d.column()).isPositive();
        assertThat(d.offendingText()).isNotBlank();
        assertThat(d.maybe()).isNotBlank();
        return d;
    }

    private static String rule(String body) {
        return HEAD + "  rule R1 \"Test\" { " + body + " explain \"x\" }\n}\n";
    }

    @Test
    void an_unknown_option_names_its_place_and_the_nearest_option() {
        Diagnostic d = onlyError(rule("widht * height <= 3200000"));
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.column()).isEqualTo(20);
        assertThat(d.message()).isEqualTo("unknown option 'widht'");
        assertThat(d.offendingText()).isEqualTo("rule R1 \"Test\" { widht * height <= 3200000 explain \"x\" }");
        assertThat(d.maybe()).isEqualTo("you meant 'width'.");
        assertThat(d.format())
                .startsWith("window.tpm:6:20: unknown option 'widht'")
                .contains("Maybe you meant 'width'.");
    }

    @Test
    void an_unknown_value_suggests_the_nearest_value_of_that_option() {
        Diagnostic d = onlyError(rule("frame == wod"));
        assertThat(d.message()).isEqualTo("unknown value 'wod' of option 'frame'");
        assertThat(d.maybe()).isEqualTo("you meant 'wood'.");
    }

    @Test
    void comparing_an_enum_with_a_number_is_a_type_error() {
        Diagnostic d = onlyError(rule("frame == 3"));
        assertThat(d.message()).startsWith("type error: cannot compare enum option 'frame' with the number 3");
        assertThat(d.maybe()).contains("wood, wood_alu");
    }

    @Test
    void ordering_enumerated_values_is_a_type_error() {
        Diagnostic d = onlyError(rule("frame < wood_alu"));
        assertThat(d.message()).isEqualTo("type error: '<' compares numbers, but the left side is enum option 'frame'");
        assertThat(d.maybe()).contains("'=='");
    }

    @Test
    void a_boolean_in_arithmetic_is_a_type_error() {
        Diagnostic d = onlyError(rule("safety + 1 > 1"));
        assertThat(d.message()).isEqualTo("boolean in arithmetic: boolean option 'safety' used with '+'");
        assertThat(d.maybe()).contains("if safety then 1 else 0");
    }

    @Test
    void a_number_where_a_condition_belongs_is_a_type_error() {
        Diagnostic d = onlyError(rule("width and safety"));
        assertThat(d.message()).contains("'and' needs conditions on both sides, found int option 'width'");
    }

    @Test
    void an_empty_integer_domain_is_an_error() {
        Diagnostic d = onlyError("model m {\n  option width: int 2400..400 step 10\n}\n");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.message()).contains("empty domain").contains("'width'");
        assertThat(d.maybe()).isEqualTo("swap the bounds: 400..2400.");
    }

    @Test
    void an_enum_without_values_is_an_empty_domain() {
        Diagnostic d = onlyError("model m {\n  option frame: enum { }\n}\n");
        assertThat(d.message()).isEqualTo("enum option 'frame' has no values");
    }

    @Test
    void a_step_that_does_not_divide_the_range_is_an_error() {
        Diagnostic d = onlyError("model m {\n  option width: int 400..2405 step 10\n}\n");
        assertThat(d.maybe()).startsWith("end the range at 2400 or 2410");
    }

    @Test
    void duplicate_options_rules_and_values_are_errors_that_point_at_the_first() {
        assertThat(onlyError(HEAD + "  option width: bool\n}\n").message())
                .isEqualTo(
                        "duplicate name 'width': an option with the name of an earlier declaration at window.tpm:2:3");
        Diagnostic rule = onlyError(
                HEAD + "  rule R1 \"A\" { safety explain \"x\" }\n  rule R1 \"B\" { safety explain \"x\" }\n}\n");
        assertThat(rule.line()).isEqualTo(7);
        assertThat(rule.message()).isEqualTo("duplicate rule id 'R1' (first at window.tpm:6:3)");
        assertThat(onlyError("model m {\n  option frame: enum { value wood value wood }\n}\n")
                        .message())
                .isEqualTo("duplicate value 'wood' in option 'frame'");
    }

    @Test
    void a_default_outside_the_domain_suggests_the_nearest_values() {
        Diagnostic between = onlyError("model m {\n  option width: int 400..2400 step 10 { default 805 }\n}\n");
        assertThat(between.message()).isEqualTo("default '805' is not a value of option 'width' (400..2400 step 10)");
        assertThat(between.maybe()).isEqualTo("use 800 or 810.");
        assertThat(onlyError("model m {\n  option width: int 400..2400 step 10 { default 3000 }\n}\n")
                        .maybe())
                .isEqualTo("use 2400, the largest value.");
        assertThat(onlyError("model m {\n  option f: enum { value wood value wood_alu default wod }\n}\n")
                        .maybe())
                .isEqualTo("you meant 'wood'.");
    }

    @Test
    void syntax_and_lexical_errors_name_the_token_found() {
        Diagnostic syntax = onlyError("model m {\n  option width int 400..2400\n}\n");
        assertThat(syntax.format()).startsWith("window.tpm:2:16: expected ':', found 'int'");
        Diagnostic lexical = onlyError("model m {\n  option width: int 400..2400 @\n}\n");
        assertThat(lexical.format()).startsWith("window.tpm:2:31: unexpected character '@'");
        Diagnostic chain = onlyError(rule("400 <= width <= 800"));
        assertThat(chain.message()).startsWith("comparisons do not chain");
        assertThat(chain.maybe()).contains("in a..c");
    }

    @Test
    void a_rule_without_an_explanation_is_an_error() {
        Diagnostic d = onlyError(HEAD + "  rule R1 \"A\" { safety }\n}\n");
        assertThat(d.message()).isEqualTo("rule R1 has no explanation");
    }

    @Test
    void a_missing_include_file_suggests_a_sibling_file() throws IOException {
        Files.writeString(dir.resolve("common.tpm"), "option trim: bool\n");
        Diagnostic d = onlyError("model m {\n  include \"comon.tpm\"\n}\n");
        assertThat(d.message()).startsWith("unknown include file 'comon.tpm'");
        assertThat(d.maybe()).isEqualTo("you meant 'common.tpm'.");
    }

    @Test
    void an_include_cycle_is_an_error_that_names_the_chain() throws IOException {
        Files.writeString(dir.resolve("a.tpm"), "include \"b.tpm\"\n");
        Files.writeString(dir.resolve("b.tpm"), "option trim: bool\ninclude \"a.tpm\"\n");
        Diagnostic d = onlyError("model m {\n  include \"a.tpm\"\n}\n");
        assertThat(d.file()).isEqualTo("b.tpm");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.message()).isEqualTo("include cycle: window.tpm -> a.tpm -> b.tpm -> a.tpm");
    }

    @Test
    void models_and_fragments_cannot_be_mixed_up() throws IOException {
        Files.writeString(dir.resolve("part.tpm"), "model part {\n  option trim: bool\n}\n");
        Files.writeString(dir.resolve("bits.tpm"), "option trim: bool\n");
        assertThat(onlyError("model m {\n  include \"part.tpm\"\n}\n").maybe())
                .isEqualTo("use 'component NAME: \"part.tpm\"' to use a model inside another.");
        assertThat(onlyError("model m {\n  component p: \"bits.tpm\"\n}\n").message())
                .isEqualTo("component file 'bits.tpm' is a fragment, not a model");
    }

    @Test
    void an_error_inside_a_component_points_into_the_component_file() throws IOException {
        Files.writeString(
                dir.resolve("fit.tpm"),
                "model fit {\n  option hinge: enum { value butt }\n  rule F1 \"x\" { hinge == but explain \"x\" }\n}\n");
        Diagnostic d = onlyError("model m {\n  component fittings: \"fit.tpm\"\n}\n");
        assertThat(d.file()).isEqualTo("fit.tpm");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).isEqualTo("unknown value 'but' of option 'hinge'");
        assertThat(d.maybe()).isEqualTo("you meant 'butt'.");
    }

    @Test
    void component_options_are_referred_to_by_their_namespaced_names() throws IOException {
        Files.writeString(dir.resolve("fit.tpm"), "model fit {\n  option hinge: enum { value butt value stay }\n}\n");
        Diagnostic d = onlyError("model m {\n  component fittings: \"fit.tpm\"\n"
                + "  option top: bool\n  rule R1 \"x\" { top requires hinge == stay explain \"x\" }\n}\n");
        assertThat(d.message()).isEqualTo("unknown option 'hinge'");
        assertThat(d.maybe()).isEqualTo("you meant 'fittings.hinge'.");
        ModelLoader.Result ok = ModelLoader.parse(
                "window.tpm",
                "model m {\n  component fittings: \"fit.tpm\"\n"
                        + "  option top: bool\n  rule R1 \"x\" { top requires fittings.hinge == stay explain \"x\" }\n}\n",
                dir);
        assertThat(ok).isInstanceOf(ModelLoader.Result.Loaded.class);
        assertThat(((ModelLoader.Result.Loaded) ok).model().space().option("fittings.hinge"))
                .isPresent();
    }

    @Test
    void routing_errors_name_unknown_work_centres_and_cycles() {
        Diagnostic centre = onlyError(
                HEAD + "  routing { workcentre saw \"Saw\" operation cut \"Cut\" on sav setup 1 per_unit 2 }\n}\n");
        assertThat(centre.message()).isEqualTo("unknown work-centre type 'sav'");
        assertThat(centre.maybe()).isEqualTo("you meant 'saw'.");
        Diagnostic cycle = onlyError(HEAD + "  routing { workcentre saw \"Saw\"\n"
                + "    operation a \"A\" on saw setup 1 per_unit 2 after b\n"
                + "    operation b \"B\" on saw setup 1 per_unit 2 after a }\n}\n");
        assertThat(cycle.message()).contains("cycle").contains("a -> b -> a");
    }

    private static String routing(String operations) {
        return HEAD + "  routing {\n    workcentre press \"Press\"\n" + operations + "\n  }\n}\n";
    }

    @Test
    void uninterruptible_in_the_wrong_place_says_where_it_belongs() {
        Diagnostic afterWhen = onlyError(
                routing("    operation p \"Press\" on press setup 15 per_unit 20 when safety uninterruptible"));
        assertThat(afterWhen.line()).isEqualTo(8);
        assertThat(afterWhen.column()).isEqualTo(67);
        assertThat(afterWhen.message())
                .isEqualTo("'uninterruptible' of operation 'p' must come right after the per-unit time");
        assertThat(afterWhen.maybe())
                .isEqualTo("write 'operation p \"...\" on WORKCENTRE setup EXPR per_unit EXPR uninterruptible"
                        + " [after ...] [when ...]'.");
        assertThat(afterWhen.format()).startsWith("window.tpm:8:67: ").contains("Maybe write 'operation p");
        Diagnostic beforeSetup =
                onlyError(routing("    operation p \"Press\" on press uninterruptible setup 15 per_unit 20"));
        assertThat(beforeSetup.column()).isEqualTo(34);
        assertThat(beforeSetup.message()).contains("must come right after the per-unit time");
        Diagnostic afterSetup =
                onlyError(routing("    operation p \"Press\" on press setup 15 uninterruptible per_unit 20"));
        assertThat(afterSetup.column()).isEqualTo(43);
        assertThat(afterSetup.message()).contains("must come right after the per-unit time");
        Diagnostic afterAfter = onlyError(routing("    operation a \"A\" on press setup 1 per_unit 2\n"
                + "    operation p \"Press\" on press setup 15 per_unit 20 after a uninterruptible"));
        assertThat(afterAfter.line()).isEqualTo(9);
        assertThat(afterAfter.message()).contains("'uninterruptible' of operation 'p' must come right after");
    }

    @Test
    void uninterruptible_twice_or_on_a_work_centre_is_an_error_with_a_fix() {
        Diagnostic twice = onlyError(
                routing("    operation p \"Press\" on press setup 15 per_unit 20 uninterruptible uninterruptible"));
        assertThat(twice.column()).isEqualTo(71);
        assertThat(twice.message()).isEqualTo("operation 'p' is marked 'uninterruptible' twice");
        assertThat(twice.maybe()).isEqualTo("write 'uninterruptible' once.");
        Diagnostic centre = onlyError(HEAD + "  routing {\n    workcentre press \"Press\" uninterruptible\n  }\n}\n");
        assertThat(centre.line()).isEqualTo(7);
        assertThat(centre.column()).isEqualTo(30);
        assertThat(centre.message()).isEqualTo("'uninterruptible' marks an operation, not a work-centre type");
        assertThat(centre.maybe()).contains("after the per-unit time");
    }

    @Test
    void a_misspelt_uninterruptible_suggests_the_keyword() {
        Diagnostic d = onlyError(routing("    operation p \"Press\" on press setup 15 per_unit 20 uninteruptible"));
        assertThat(d.column()).isEqualTo(55);
        assertThat(d.message()).isEqualTo("expected workcentre, operation or '}', found 'uninteruptible'");
        assertThat(d.maybe()).isEqualTo("you meant 'uninterruptible', which comes right after the per-unit time.");
    }

    @Test
    void an_operation_marked_uninterruptible_loads_with_the_flag_and_the_others_without() {
        ModelLoader.Result r = ModelLoader.parse(
                "window.tpm",
                routing("    operation a \"A\" on press setup 1 per_unit 2 when safety\n"
                        + "    operation p \"Press\" on press setup 15 per_unit width / 100 uninterruptible after a"
                        + " when safety"),
                dir);
        assertThat(r).isInstanceOf(ModelLoader.Result.Loaded.class);
        assertThat(((ModelLoader.Result.Loaded) r).model().routing().operations())
                .extracting(o -> o.id() + " " + o.uninterruptible() + " " + o.after())
                .containsExactly("a false []", "p true [a]");
    }

    @Test
    void uninterruptible_per_unit_loads_each_unit_and_per_unit_twice_is_an_error() {
        ModelLoader.Result r = ModelLoader.parse(
                "window.tpm",
                routing("    operation a \"A\" on press setup 1 per_unit 2 uninterruptible\n"
                        + "    operation p \"Paint\" on press setup 15 per_unit width / 100 uninterruptible per_unit"
                        + " after a when safety"),
                dir);
        assertThat(r).isInstanceOf(ModelLoader.Result.Loaded.class);
        assertThat(((ModelLoader.Result.Loaded) r).model().routing().operations())
                .extracting(o -> o.id() + " " + o.uninterruptible() + " " + o.eachUnit() + " " + o.after())
                .containsExactly("a true false []", "p true true [a]");
        Diagnostic twice = onlyError(
                routing("    operation p \"Press\" on press setup 15 per_unit 20 uninterruptible per_unit per_unit"));
        assertThat(twice.column()).isEqualTo(80);
        assertThat(twice.message()).isEqualTo("operation 'p' says 'per_unit' twice after 'uninterruptible'");
        assertThat(twice.maybe()).isEqualTo("write 'uninterruptible per_unit' once.");
    }

    @Test
    void a_price_line_must_be_a_number() {
        Diagnostic d = onlyError(HEAD + "  price { base 100 line x \"X\" = frame }\n}\n");
        assertThat(d.message()).isEqualTo("price line 'x' must be a number, found enum option 'frame'");
    }

    @Test
    void a_constraint_with_too_many_value_combinations_is_an_error_not_a_hang() {
        Diagnostic d = onlyError(HEAD + "  option depth: int 1..2000\n"
                + "  rule R1 \"A\" { width * height * depth <= 5 explain \"x\" }\n}\n");
        assertThat(d.message()).contains("80802000 value combinations");
    }

    @Test
    void missing_label_languages_are_warnings_that_do_not_prevent_loading() {
        ModelLoader.Result r = ModelLoader.parse(
                "window.tpm", "model m {\n  languages nb sv en\n  option trim: bool { label nb \"Pynt\" }\n}\n", dir);
        assertThat(r).isInstanceOf(ModelLoader.Result.Loaded.class);
        assertThat(((ModelLoader.Result.Loaded) r).warnings())
                .extracting(Diagnostic::message)
                .contains("option 'trim' has no label in sv, en");
    }
}
