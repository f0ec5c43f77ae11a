package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shipped models and the bundled production data aligned: a routing that names a work-centre
 * type its firm lacks leaves every order of that product unreleased and its delivery date empty, which
 * otherwise shows only in the integration tests (or in production).
 */
class ShippedProductionTest {
    private static final Path MODELS = Path.of("..", "models");

    /** Every shipped model, and every model used as a component, by file name. */
    private static Map<String, ProductModel> models() throws IOException {
        Map<String, ProductModel> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(MODELS)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".tpm")).sorted().toList()) {
                ModelLoader.Result r = ModelLoader.load(f);
                assertThat(r).as(f + ": " + r).isInstanceOf(ModelLoader.Result.Loaded.class);
                collect(((ModelLoader.Result.Loaded) r).model(), out);
            }
        }
        return out;
    }

    private static void collect(ProductModel m, Map<String, ProductModel> out) {
        out.putIfAbsent(Path.of(m.file()).getFileName().toString(), m);
        m.components().forEach(c -> collect(c.model(), out));
    }

    /** Firm name to firm id, from models/cluster.properties. */
    private static Map<String, String> firmIds() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(MODELS.resolve("cluster.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".name")) {
                ids.put(p.getProperty(key), key.substring(0, key.length() - ".name".length()));
            }
        }
        return ids;
    }

    @Test
    void every_work_centre_type_of_every_shipped_routing_is_offered_by_the_firm_that_makes_the_product()
            throws IOException {
        Map<String, String> ids = firmIds();
        List<String> problems = new ArrayList<>();
        Map<String, ProductModel> models = models();
        assertThat(models).containsKeys("window.tpm", "door.tpm", "fittings.tpm", "chair.tpm");
        for (Map.Entry<String, ProductModel> e : models.entrySet()) {
            ProductModel m = e.getValue();
            if (m.routing().operations().isEmpty()) {
                continue;
            }
            String firmId = ids.get(m.firm());
            Optional<ProductionFile> file = firmId == null ? Optional.empty() : ProductionFile.bundled(firmId);
            if (file.isEmpty()) {
                problems.add(e.getKey() + ": firm '" + m.firm() + "' has no models/production file");
                continue;
            }
            List<String> offered = file.get().centres().stream()
                    .map(ProductionFile.Centre::type)
                    .toList();
            for (ProductModel.Operation op : m.routing().operations()) {
                if (!offered.contains(op.workCentre())) {
                    problems.add(e.getKey() + ": operation '" + op.id() + "' runs on '" + op.workCentre() + "', which "
                            + firmId + ".properties does not offer (it has " + offered + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_profile_type_a_shipped_bom_cuts_from_has_its_bar_length_at_the_firm() throws IOException {
        Map<String, String> ids = firmIds();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ProductModel> e : models().entrySet()) {
            ProductModel m = e.getValue();
            String firmId = ids.get(m.firm());
            Optional<ProductionFile> file = firmId == null ? Optional.empty() : ProductionFile.bundled(firmId);
            for (ProductModel.BomLine l : m.bom()) {
                if (l.profile().isEmpty()) {
                    continue;
                }
                if (file.isEmpty() || !file.get().bars().containsKey(l.profile())) {
                    problems.add(e.getKey() + ": item '" + l.id() + "' is cut from profile '" + l.profile()
                            + "', which has no bar." + l.profile() + " line at " + firmId);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void pieces_named_profile__part_are_cut_from_that_profile() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ProductModel> e : models().entrySet()) {
            for (ProductModel.BomLine l : e.getValue().bom()) {
                int split = l.id().indexOf("__");
                if (split > 0 && !l.profile().equals(l.id().substring(0, split))) {
                    problems.add(e.getKey() + ": item '" + l.id() + "' has profile '" + l.profile() + "'");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
