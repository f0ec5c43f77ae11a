package no.tilpass.server.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import no.tilpass.server.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSeedIT {
    @TempDir
    Path data;

    private static String part(String firm) {
        return """
                model part {
                    firm "%s"
                    option size: int 1..3 { default 1 }
                }
                """
                .formatted(firm);
    }

    private static final String USER =
            """
            model assembly {
                firm "Røros Stol AS"
                component p: "zz_part.tpm"
                option big: bool { default false }
                rule R1 "Big needs size 3" {
                    big requires p.size == 3
                    explain "A big assembly needs the largest part."
                }
            }
            """;

    @Test
    void components_are_published_before_their_users_and_a_second_seed_publishes_nothing() {
        Properties cluster = new Properties();
        cluster.setProperty("cluster.town", "Røros");
        cluster.setProperty("hitterdal-metall.name", "Hitterdal Metall AS");
        cluster.setProperty("hitterdal-metall.kind", "metal");
        Map<String, String> models = new LinkedHashMap<>();
        models.put("aa_assembly.tpm", USER);
        models.put("zz_part.tpm", part("Hitterdal Metall AS"));

        try (Database db = Database.open(data, Optional.empty(), Optional.empty(), Optional.empty())) {
            Catalogue catalogue = new Catalogue(db.jdbi(), data.resolve("work"));
            ClusterSeed.Report first = ClusterSeed.seed(catalogue, models, cluster);
            ClusterSeed.Report second =
                    ClusterSeed.seed(new Catalogue(db.jdbi(), data.resolve("work")), models, cluster);

            assertThat(first.failed()).isEmpty();
            assertThat(first.published()).containsExactly("zz_part.tpm", "aa_assembly.tpm");
            assertThat(second.published()).isEmpty();
            assertThat(catalogue.firm("hitterdal-metall"))
                    .contains(new Firm("hitterdal-metall", "Hitterdal Metall AS", "Røros", "metal"));
            assertThat(catalogue.firm("roros-stol"))
                    .contains(new Firm("roros-stol", "Røros Stol AS", "Røros", "other"));
            assertThat(catalogue.productIdsOf("roros-stol")).containsExactly("assembly");
            assertThat(catalogue.latest("assembly").orElseThrow().model().options())
                    .hasSize(2);
        }
    }

    private static String user(String name) {
        return USER.replace("model assembly", "model " + name).replace("zz_part.tpm", "fittings.tpm");
    }

    @Test
    void every_model_is_published_once_its_components_are_whatever_the_file_names() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("chair.tpm", part("Røros Stol AS").replace("model part", "model chair"));
        models.put("door.tpm", user("door"));
        models.put("fittings.tpm", part("Hitterdal Metall AS"));
        models.put("window.tpm", user("window"));
        models.put("a.tpm", part("Røros Stol AS").replace("model part", "model a"));

        try (Database db = Database.open(data, Optional.empty(), Optional.empty(), Optional.empty())) {
            ClusterSeed.Report report =
                    ClusterSeed.seed(new Catalogue(db.jdbi(), data.resolve("work")), models, new Properties());

            assertThat(report.failed()).isEmpty();
            assertThat(report.published())
                    .containsExactlyInAnyOrder("a.tpm", "chair.tpm", "door.tpm", "fittings.tpm", "window.tpm");
            assertThat(report.published().indexOf("fittings.tpm"))
                    .isLessThan(report.published().indexOf("door.tpm"))
                    .isLessThan(report.published().indexOf("window.tpm"));
        }
    }

    @Test
    void a_model_that_does_not_compile_is_reported_and_the_others_are_still_seeded() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("broken.tpm", "model broken { option x: int 1..3 { default 9 } }");
        models.put("zz_part.tpm", part("Hitterdal Metall AS"));

        try (Database db = Database.open(data, Optional.empty(), Optional.empty(), Optional.empty())) {
            ClusterSeed.Report report =
                    ClusterSeed.seed(new Catalogue(db.jdbi(), data.resolve("work")), models, new Properties());

            assertThat(report.published()).containsExactly("zz_part.tpm");
            assertThat(report.failed()).containsOnlyKeys("broken.tpm");
            assertThat(report.failed().get("broken.tpm")).startsWith("broken.tpm:1:");
        }
    }

    @Test
    void firm_names_become_url_slugs() {
        assertThat(ClusterSeed.slug("Glåmdal Vindu AS")).isEqualTo("glamdal-vindu");
        assertThat(ClusterSeed.slug("Hitterdal Metall AS")).isEqualTo("hitterdal-metall");
        assertThat(ClusterSeed.slug("Ærlig Øks & Sønn")).isEqualTo("aerlig-oks-sonn");
    }
}
