package no.tilpass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BomCommandTest {
    private static final Path WINDOW =
            Path.of(System.getProperty("tilpass.root", "..")).resolve("models/window.tpm");

    @Test
    void bom_prints_the_lines_cuts_and_routing_of_the_window_completed_with_defaults() {
        CliRun run = CliRun.of("bom", WINDOW.toString(), "--assume", "width=1000,height=1400");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("width=1000", "height=1400")
                .contains("Bill of materials", "Cutting demand", "Routing")
                .containsPattern("frame_profile__head +2 +1000 mm")
                .containsPattern("frame_profile__jamb +2 +1400 mm");
    }

    @Test
    void bom_json_is_one_object_with_the_cut_lengths_from_the_formulas() {
        CliRun run = CliRun.of("bom", WINDOW.toString(), "--assume", "width=1000,height=1400", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).startsWith("{").endsWith("}");
        assertThat(run.out())
                .contains("\"path\":\"frame_profile__head\"")
                .contains(
                        "{\"profile\":\"frame_profile\",\"lengthMm\":1000,\"pieces\":2,\"item\":\"frame_profile__head\"}")
                .contains(
                        "{\"profile\":\"frame_profile\",\"lengthMm\":1400,\"pieces\":2,\"item\":\"frame_profile__jamb\"}")
                .contains("\"operations\":[{");
    }

    @Test
    void bom_marks_the_uninterruptible_operations_of_the_door_in_text_and_json() {
        Path door = WINDOW.resolveSibling("door.tpm");
        CliRun text = CliRun.of("bom", door.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("press +press .*Glue and press the leaf \\(uninterruptible\\)");
        assertThat(text.out()).doesNotContainPattern("cut +saw .*\\(uninterruptible\\)");
        CliRun json = CliRun.of("bom", door.toString(), "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out())
                .containsPattern("\\{\"id\":\"press\",[^}]*\"uninterruptible\":true,\"eachUnit\":false}")
                .containsPattern("\\{\"id\":\"cut\",[^}]*\"uninterruptible\":false,\"eachUnit\":false}");
    }

    @Test
    void bom_marks_the_window_paint_as_uninterruptible_per_unit_in_text_and_json() {
        CliRun text = CliRun.of("bom", WINDOW.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("paint +paint .*Prime and paint \\(uninterruptible per unit\\)");
        CliRun json = CliRun.of("bom", WINDOW.toString(), "--json");
        assertThat(json.out()).containsPattern("\\{\"id\":\"paint\",[^}]*\"uninterruptible\":true,\"eachUnit\":true}");
    }

    @Test
    void bom_explains_conflicting_decisions_and_refuses_other_formats(@TempDir Path dir) throws IOException {
        CliRun conflict = CliRun.of("bom", WINDOW.toString(), "--assume", "width=2400,height=2400");
        assertThat(conflict.exit()).isEqualTo(1);
        assertThat(conflict.err()).contains("conflict").doesNotContain("Exception");
        Path cnf = dir.resolve("a.dimacs");
        Files.writeString(cnf, "p cnf 1 1\n1 0\n");
        CliRun other = CliRun.of("bom", cnf.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains(".tpm").contains("Maybe");
    }
}
