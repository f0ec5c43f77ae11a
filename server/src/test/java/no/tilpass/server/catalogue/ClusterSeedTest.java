package no.tilpass.server.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import no.tilpass.server.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ClusterSeedTest {

    private static String component(String name) {
        return "model " + name + " {\n    firm \"Test Firm AS\"\n    option x: bool\n}\n";
    }

    private static String user(String name, String file) {
        return "model " + name + " {\n    firm \"Test Firm AS\"\n    component c: \"" + file + "\"\n"
                + "    option y: bool\n    rule R1 \"r\" {\n        y requires c.x\n        explain \"y needs x.\"\n"
                + "    }\n}\n";
    }

    @Test
    void every_file_is_published_whatever_order_the_names_sort_in(@TempDir Path dir) {
        // the shape of the demo cluster: chair.tpm, door.tpm (uses fittings), fittings.tpm, window.tpm (uses fittings)
        Map<String, String> models = Map.of(
                "a.tpm", component("alone"),
                "b.tpm", user("first_user", "c.tpm"),
                "c.tpm", component("shared_part"),
                "d.tpm", user("second_user", "c.tpm"));
        try (Database database =
                Database.open(dir.resolve("db"), Optional.empty(), Optional.empty(), Optional.empty())) {
            Catalogue catalogue = new Catalogue(database.jdbi(), dir.resolve("work"));

            ClusterSeed.Report report = ClusterSeed.seed(catalogue, models, new Properties());

            assertThat(report.failed()).isEmpty();
            assertThat(report.published()).containsExactlyInAnyOrder("a.tpm", "b.tpm", "c.tpm", "d.tpm");
            assertThat(report.published().indexOf("c.tpm"))
                    .isLessThan(report.published().indexOf("b.tpm"))
                    .isLessThan(report.published().indexOf("d.tpm"));
        }
    }
}
