package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import org.junit.jupiter.api.Test;

class ArticleDescriptionsTest {
    private static ProductModel load(String file) {
        ModelLoader.Result loaded = ModelLoader.load(Path.of("..", "models", file));
        assertThat(loaded).as(file).isInstanceOf(ModelLoader.Result.Loaded.class);
        return ((ModelLoader.Result.Loaded) loaded).model();
    }

    @Test
    void a_product_describes_its_own_articles_before_its_components_do() {
        Map<String, String> descriptions = ArticleDescriptions.of(List.of(load("window.tpm")));

        assertThat(descriptions)
                .as("window.tpm and its fitting set (fittings.tpm) both have a 'handle' line")
                .containsEntry("handle", "Handle from the fitting set")
                .containsEntry("motor", "Blinds motor")
                .containsEntry("hinge_pin", "Hinge pin with ball bearing washer");
    }

    @Test
    void an_article_no_bom_describes_is_described_by_its_item_id() {
        Map<String, String> descriptions = ArticleDescriptions.of(List.of(load("chair.tpm")));

        assertThat(ArticleDescriptions.describe(descriptions, "castor_soft")).isEqualTo("Castor 65 mm, soft tread");
        assertThat(ArticleDescriptions.describe(descriptions, "motor"))
                .as("the chair maker's BOM has no blinds motor")
                .isEqualTo("motor");
    }
}
