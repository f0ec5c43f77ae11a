package no.tilpass.server.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilpass.engine.completion.Completer;
import no.tilpass.engine.completion.Completion;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Option;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.server.catalogue.CompiledModel;
import no.tilpass.server.catalogue.ModelVersion;
import no.tilpass.server.catalogue.ModelView;
import org.junit.jupiter.api.Test;

class StateViewTest {
    private static Option widths() {
        // 400, 500, ..., 1200 on literals 1..9
        int[] literals = new int[9];
        int[] numbers = new int[9];
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            literals[i] = i + 1;
            numbers[i] = 400 + 100 * i;
            values.add(Integer.toString(numbers[i]));
        }
        return new Option("width", OptionKind.INTEGER, values, literals, numbers, 2);
    }

    @Test
    void valid_integers_are_shown_as_runs_of_consecutive_steps() {
        List<Map<String, Object>> runs = StateView.ranges(widths(), new int[] {0, 1, 2, 5, 7, 8}, 100);

        assertThat(runs)
                .containsExactly(
                        Map.of("from", 400, "to", 600, "step", 100L),
                        Map.of("from", 900, "to", 900, "step", 100L),
                        Map.of("from", 1100, "to", 1200, "step", 100L));
    }

    @Test
    void no_valid_integer_is_no_run() {
        assertThat(StateView.ranges(widths(), new int[0], 100)).isEmpty();
    }

    @Test
    void a_state_built_from_the_skeleton_shows_what_the_model_view_shows_in_every_language() throws Exception {
        for (String file : List.of("chair.tpm", "window.tpm")) {
            ModelLoader.Result loaded = ModelLoader.load(Path.of("..", "models", file));
            assertThat(loaded).as(file).isInstanceOf(ModelLoader.Result.Loaded.class);
            ProductModel model = ((ModelLoader.Result.Loaded) loaded).model();
            CompiledModel m = new CompiledModel(
                    new ModelVersion("firm", model.name(), 1, file, "", "", Map.of(), Instant.EPOCH), model, Map.of());
            DomainResult.Consistent domains =
                    (DomainResult.Consistent) new Configurator(model.space()).domains(List.of());
            Completion.Complete done = (Completion.Complete) new Completer(model.space()).complete(List.of());
            Map<String, String> values = new LinkedHashMap<>();
            for (Decision d : done.configuration()) {
                values.put(d.option(), d.value());
            }
            Analysis analysis = new Analysis(domains, domains.validIndices(), values);
            // Every option decided, so that the decisions' labels are checked as well.
            List<Decision> decisions = new ArrayList<>(done.configuration());
            Session session = new Session(
                    "id",
                    "firm",
                    model.name(),
                    1,
                    "nb",
                    3,
                    decisions,
                    List.of(),
                    Optional.empty(),
                    Instant.EPOCH,
                    Instant.EPOCH);
            for (String language : List.of("nb", "sv", "en")) {
                Map<String, Object> state = StateView.state(
                        session, StateView.Skeleton.of(m, language), analysis, language, null, null, null);
                assertThat(state.get("label")).isEqualTo(m.label(model.labels(), language, model.name()));
                List<?> rows = (List<?>) state.get("options");
                List<?> decisionRows = (List<?>) state.get("decisions");
                for (int i = 0; i < model.options().size(); i++) {
                    ProductModel.OptionInfo o = model.options().get(i);
                    Map<?, ?> row = (Map<?, ?>) rows.get(i);
                    Map<String, Object> expected = ModelView.option(m, o, language);
                    String where = file + " " + language + " " + o.name();
                    List<Object> keys = new ArrayList<>(row.keySet());
                    assertThat(keys.subList(0, expected.size())).as(where).containsExactlyElementsOf(expected.keySet());
                    for (Map.Entry<String, Object> e : expected.entrySet()) {
                        if (!e.getKey().equals("values")) {
                            assertThat(row.get(e.getKey()))
                                    .as(where + " " + e.getKey())
                                    .isEqualTo(e.getValue());
                        }
                    }
                    if (expected.containsKey("values")) {
                        List<?> shown = (List<?>) row.get("values");
                        List<?> static_ = (List<?>) expected.get("values");
                        assertThat(shown).as(where).hasSameSizeAs(static_);
                        for (int v = 0; v < shown.size(); v++) {
                            Map<?, ?> value = (Map<?, ?>) shown.get(v);
                            Map<?, ?> label = (Map<?, ?>) static_.get(v);
                            assertThat(value.get("name")).isEqualTo(label.get("name"));
                            assertThat(value.get("label")).isEqualTo(label.get("label"));
                            assertThat(value.get("available")).isInstanceOf(Boolean.class);
                        }
                    }
                    String value = values.get(o.name());
                    assertThat(row.get("valueLabel")).as(where).isEqualTo(ModelView.valueLabel(m, o, value, language));
                    Map<?, ?> decision = (Map<?, ?>) decisionRows.stream()
                            .filter(d -> ((Map<?, ?>) d).get("option").equals(o.name()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(decision.get("label")).as(where).isEqualTo(ModelView.valueLabel(m, o, value, language));
                    assertThat(decision.get("value")).as(where).isEqualTo(ModelView.typed(o, value));
                }
            }
        }
    }
}
