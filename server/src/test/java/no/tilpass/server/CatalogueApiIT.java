package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Firms, products, the model view, model upload and publishing, and upgrades to a new version. */
class CatalogueApiIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass();

    static final TestClient client = server.client();

    @Test
    void the_demo_cluster_holds_every_bundled_model_as_a_product_of_its_firm() {
        JsonNode firms = client.get("/api/firms").json();
        JsonNode products = client.get("/api/products").json();

        assertThat(firms.findValuesAsText("id")).contains("glamdal-vindu", "hitterdal-metall");
        for (JsonNode firm : firms) {
            assertThat(firm.get("town").asText()).isEqualTo("Røros");
            if (firm.get("id").asText().equals("glamdal-vindu")) {
                assertThat(firm.get("kind").asText()).isEqualTo("windows");
                assertThat(firm.get("products").findValuesAsText("")).isEmpty();
                assertThat(firm.get("products").toString()).contains("casement_window");
            }
        }
        assertThat(products.findValuesAsText("id")).contains("casement_window", "fitting_set");
        JsonNode window = client.get("/api/products/casement_window").json();
        assertThat(window.get("firmId").asText()).isEqualTo("glamdal-vindu");
        assertThat(window.get("version").asInt()).isEqualTo(1);
        ProductModel shipped = ((ModelLoader.Result.Loaded)
                        ModelLoader.load(Path.of(System.getProperty("tilpass.root", ".."), "models", "window.tpm")))
                .model();
        assertThat(window.get("options").asInt()).isEqualTo(shipped.options().size());
        assertThat(window.get("rules").asInt()).isEqualTo(shipped.rules().size());
        assertThat(window.get("versions")).hasSize(1);
    }

    @Test
    void the_model_view_lists_groups_and_options_with_labels_in_the_language_asked_for() {
        JsonNode model =
                client.get("/api/products/casement_window/model?lang=sv").json();

        assertThat(model.get("label").asText()).isEqualTo("Sidohängt fönster");
        assertThat(model.get("languages").toString()).contains("nb", "sv", "en");
        assertThat(model.get("groups").findValuesAsText("id")).contains("dimensions", "fittings");
        JsonNode width = null;
        for (JsonNode option : model.get("options")) {
            if (option.get("name").asText().equals("width")) {
                width = option;
            }
        }
        assertThat(width).as("the width option").isNotNull();
        assertThat(width.get("name").asText()).isEqualTo("width");
        assertThat(width.get("label").asText()).isEqualTo("Bredd");
        assertThat(width.get("min").asInt()).isEqualTo(400);
        assertThat(width.get("max").asInt()).isEqualTo(2400);
        assertThat(width.get("step").asInt()).isEqualTo(10);
        assertThat(width.get("unit").asText()).isEqualTo("mm");
        assertThat(width.get("default").asInt()).isEqualTo(800);
        assertThat(client.get("/api/products/casement_window/model?version=9").status())
                .isEqualTo(404);
    }

    @Test
    void a_model_with_a_misspelt_option_is_422_with_file_line_column_and_maybe() {
        String text = TestModels.shelf(false)
                .replace("test_shelf", "test_stool")
                .replace("colour == oak requires width", "colour == oak requires widht");
        List<String> lines = text.lines().toList();
        int line = 1
                + lines.indexOf(lines.stream()
                        .filter(l -> l.contains("widht"))
                        .findFirst()
                        .orElseThrow());
        int column = 1 + lines.get(line - 1).indexOf("widht");

        TestClient.Response r = client.post("/api/firms/glamdal-vindu/models/validate?file=stool.tpm", text);
        TestClient.Response publish = client.post("/api/firms/glamdal-vindu/models?file=stool.tpm", text);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.get("valid").asBoolean()).isFalse();
        JsonNode error = r.get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo("stool.tpm");
        assertThat(error.get("line").asInt()).isEqualTo(line);
        assertThat(error.get("column").asInt()).isEqualTo(column);
        assertThat(error.get("message").asText()).contains("widht");
        assertThat(error.get("maybe").asText()).startsWith("Maybe").contains("width");
        assertThat(r.error().get("where").asText()).isEqualTo("stool.tpm:" + line + ":" + column);
        assertThat(publish.status()).isEqualTo(422);
        assertThat(client.get("/api/products/test_stool").status()).isEqualTo(404);
    }

    @Test
    void a_valid_model_validates_with_a_summary_and_an_unknown_firm_is_404() {
        TestClient.Response ok = client.post(
                "/api/firms/glamdal-vindu/models/validate?file=bench.tpm",
                TestModels.shelf(false).replace("test_shelf", "test_bench"));
        TestClient.Response noFirm = client.post("/api/firms/no-such-firm/models/validate?file=x.tpm", "model x {}");
        TestClient.Response noFile = client.post("/api/firms/glamdal-vindu/models/validate", "model x {}");

        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("summary").get("id").asText()).isEqualTo("test_bench");
        assertThat(noFirm.status()).isEqualTo(404);
        assertThat(noFile.status()).isEqualTo(400);
    }

    @Test
    void publishing_a_new_version_offers_open_configurations_an_upgrade_that_retracts_what_no_longer_fits() {
        TestClient.Response v1 = client.post("/api/firms/glamdal-vindu/models?file=shelf.tpm", TestModels.shelf(false));
        assertThat(v1.status()).as(v1.text()).isEqualTo(201);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"test_shelf\",\"language\":\"en\"}")
                .json();
        JsonNode s1 = client.set(s0, "width", 1200).json();
        JsonNode s2 = client.set(s1, "colour", "white").json();
        assertThat(s2.get("upgrade").isNull()).isTrue();

        TestClient.Response v2 = client.post("/api/firms/glamdal-vindu/models?file=shelf.tpm", TestModels.shelf(true));
        assertThat(v2.status()).as(v2.text()).isEqualTo(201);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        String id = s0.get("id").asText();
        JsonNode offered = client.get("/api/configurations/" + id).json();

        assertThat(offered.get("version").asInt()).isEqualTo(1);
        assertThat(offered.get("upgrade").get("toVersion").asInt()).isEqualTo(2);
        assertThat(offered.get("upgrade").get("retract").get(0).get("option").asText())
                .isEqualTo("width");

        JsonNode upgraded = client.post("/api/configurations/" + id + "/upgrade", "{\"revision\":2}")
                .json();
        assertThat(upgraded.get("version").asInt()).isEqualTo(2);
        assertThat(upgraded.get("upgrade").isNull()).isTrue();
        assertThat(upgraded.get("decisions")).hasSize(1);
        assertThat(upgraded.get("decisions").get(0).get("option").asText()).isEqualTo("colour");
        assertThat(TestClient.option(upgraded, "width")
                        .get("valid")
                        .get(0)
                        .get("to")
                        .asInt())
                .isEqualTo(1000);

        JsonNode product = client.get("/api/products/test_shelf").json();
        assertThat(product.get("versions")).hasSize(2);
        JsonNode oldSession = client.post("/api/configurations", "{\"productId\":\"test_shelf\",\"version\":1}")
                .json();
        assertThat(oldSession.get("version").asInt()).isEqualTo(1);
        assertThat(TestClient.option(oldSession, "width")
                        .get("valid")
                        .get(0)
                        .get("to")
                        .asInt())
                .isEqualTo(1200);
    }

    @Test
    void a_product_of_one_firm_cannot_be_published_by_another() {
        TestClient.Response r =
                client.post("/api/firms/hitterdal-metall/models?file=window.tpm", "model casement_window {}");

        assertThat(r.status()).isEqualTo(422);
    }
}
