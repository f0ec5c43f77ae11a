package no.tilpass.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tilpass.engine.space.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A using model sets its own soft defaults for a component's options with 'default OPTION VALUE' lines. */
class ComponentDefaultsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeComponent() throws IOException {
        Files.writeString(
                dir.resolve("fit.tpm"),
                """
                model fit {
                  option use: enum { value window value door default window }
                  option hinges: int 2..4 { default 2 }
                  option closer: bool { default false }
                }
                """);
    }

    private ModelLoader.Result parse(String componentBody) {
        return ModelLoader.parse(
                "door.tpm", "model m {\n  component fittings: \"fit.tpm\" {\n" + componentBody + "  }\n}\n", dir);
    }

    private static ProductModel loaded(ModelLoader.Result r) {
        assertThat(r).isInstanceOf(ModelLoader.Result.Loaded.class);
        return ((ModelLoader.Result.Loaded) r).model();
    }

    private static List<Diagnostic> errors(ModelLoader.Result r) {
        assertThat(r).isInstanceOf(ModelLoader.Result.Failed.class);
        return ((ModelLoader.Result.Failed) r).errors();
    }

    @Test
    void default_lines_in_a_component_body_replace_the_components_own_defaults() {
        ProductModel m = loaded(parse("    label en \"Fittings\"\n    default use door\n    default hinges 3\n"
                + "    default closer true\n"));
        assertThat(m.option("fittings.use").orElseThrow().defaultValue()).contains("door");
        assertThat(m.option("fittings.hinges").orElseThrow().defaultValue()).contains("3");
        assertThat(m.option("fittings.closer").orElseThrow().defaultValue()).contains("true");
        assertThat(m.space().option("fittings.use").orElseThrow().defaultIndex())
                .isEqualTo(1);
        assertThat(m.space().option("fittings.hinges").orElseThrow().defaultIndex())
                .isEqualTo(1);
    }

    @Test
    void options_without_a_default_line_keep_the_components_default() {
        ProductModel m = loaded(parse("    default hinges 4\n"));
        assertThat(m.option("fittings.use").orElseThrow().defaultValue()).contains("window");
        assertThat(m.components().get(0).model().option("hinges").orElseThrow().defaultValue())
                .as("the component model itself is unchanged")
                .contains("2");
    }

    @Test
    void a_default_for_an_unknown_component_option_names_the_nearest_option() {
        List<Diagnostic> errors = errors(parse("    default hinge 3\n"));
        assertThat(errors).hasSize(1);
        Diagnostic d = errors.get(0);
        assertThat(d.format()).startsWith("door.tpm:3:13: component 'fittings' has no option 'hinge'");
        assertThat(d.maybe()).isEqualTo("you meant 'hinges'.");
    }

    @Test
    void a_default_that_is_not_a_value_of_the_option_is_an_error_with_the_values() {
        List<Diagnostic> errors = errors(parse("    default use dor\n"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).isEqualTo("default 'dor' is not a value of option 'fittings.use'");
        assertThat(errors.get(0).maybe()).isEqualTo("you meant 'door'.");
        assertThat(errors(parse("    default hinges 5\n")).get(0).maybe()).contains("2, 3, 4");
    }

    @Test
    void two_defaults_for_one_option_are_an_error() {
        List<Diagnostic> errors = errors(parse("    default use door\n    default use window\n"));
        assertThat(errors).extracting(Diagnostic::message).containsExactly("two defaults for option 'fittings.use'");
    }

    @Test
    void a_component_body_with_other_lines_says_what_it_may_hold() {
        List<Diagnostic> errors = errors(parse("    option x: bool\n"));
        assertThat(errors.get(0).maybe()).contains("'default OPTION VALUE'");
    }
}
