package no.tilpass.server.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import no.tilpass.server.Json;
import no.tilpass.server.catalogue.CompiledModel;
import no.tilpass.server.catalogue.ModelVersion;
import no.tilpass.server.catalogue.ModelView;
import org.junit.jupiter.api.Test;

class StateViewTest {
    /** Session "id" of firm "firm" for {@code model} version 1, language nb, revision 3, with {@code decisions}. */
    private static Session session(ProductModel model, List<Decision> decisions) {
        return new Session(
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
    }

    /** The analysis of {@code domains} with the values of {@code completion}. */
    private static Analysis analysis(DomainResult.Consistent domains, Completion.Complete completion) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Decision d : completion.configuration()) {
            values.put(d.option(), d.value());
        }
        return new Analysis(domains, domains.validIndices(), values);
    }

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
            Analysis analysis = analysis(domains, done);
            // Every option decided, so that the decisions' labels are checked as well.
            List<Decision> decisions = new ArrayList<>(done.configuration());
            Session session = session(model, decisions);
            for (String language : List.of("nb", "sv", "en")) {
                Map<String, Object> state = StateView.state(
                        session,
                        StateView.Skeleton.of(m, language),
                        analysis,
                        language,
                        new StateView.Extras(null, null, null));
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
                    String value = analysis.completion().get(o.name());
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

    @Test
    void a_compact_state_with_the_model_texts_merged_in_is_the_full_state_in_every_language() throws Exception {
        for (String file : List.of("chair.tpm", "window.tpm")) {
            ProductModel model = ((ModelLoader.Result.Loaded) ModelLoader.load(Path.of("..", "models", file))).model();
            CompiledModel m = new CompiledModel(
                    new ModelVersion("firm", model.name(), 1, file, "", "", Map.of(), Instant.EPOCH), model, Map.of());
            Configurator configurator = new Configurator(model.space());
            Completion.Complete done = (Completion.Complete) new Completer(model.space()).complete(List.of());
            // Decide every second option, so that user, forced, default and open rows all occur.
            List<Decision> decisions = new ArrayList<>();
            for (int i = 0; i < done.configuration().size(); i += 2) {
                decisions.add(done.configuration().get(i));
            }
            DomainResult.Consistent domains = (DomainResult.Consistent) configurator.domains(decisions);
            Completion.Complete completed = (Completion.Complete) new Completer(model.space()).complete(decisions);
            Analysis analysis = analysis(domains, completed);
            Session session = session(model, decisions);
            for (String language : List.of("nb", "sv", "en")) {
                StateView.Skeleton skeleton = StateView.Skeleton.of(m, language);
                StateView.Extras extras = new StateView.Extras(null, Map.of("total", 1), null);
                JsonNode full = tree(StateView.state(session, skeleton, analysis, language, extras));
                JsonNode compact = tree(StateView.compactState(session, skeleton, analysis, language, extras));
                JsonNode texts = tree(ModelView.model(m, language));
                String where = file + " " + language;

                assertThat(compact.get("texts").asText())
                        .isEqualTo("/api/products/" + model.name() + "/model?version=1&lang=" + language);
                assertThat(merged(compact, texts)).as(where).isEqualTo(full);
                assertThat(Json.write(compact).length())
                        .as(where + ": compact is smaller")
                        .isLessThan(Json.write(full).length() / 2);
            }
        }
    }

    private static JsonNode tree(Object value) {
        return Json.parseStored(Json.write(value));
    }

    /** What the browser does (web/js/api.js withTexts), written again: the compact state plus the texts. */
    private static JsonNode merged(JsonNode compact, JsonNode texts) {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        texts.get("options").forEach(o -> options.put(o.get("name").asText(), o));
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        texts.get("groups").forEach(g -> groups.put(g.get("id").asText(), g));
        ObjectNode out = Json.object();
        compact.properties().forEach(e -> {
            switch (e.getKey()) {
                case "texts" -> {}
                case "firmId" -> {
                    out.set("firmId", e.getValue());
                    out.put("label", texts.get("label").asText());
                }
                case "decisions" -> {
                    ArrayNode rows = out.putArray("decisions");
                    e.getValue().forEach(d -> {
                        ObjectNode row = ((ObjectNode) d).deepCopy();
                        row.put("label", valueText(options.get(d.get("option").asText()), d.get("value")));
                        rows.add(row);
                    });
                }
                case "groups" -> {
                    ArrayNode rows = out.putArray("groups");
                    e.getValue().forEach(g -> {
                        JsonNode text = groups.get(g.get("id").asText());
                        ObjectNode row = rows.addObject();
                        row.set("id", g.get("id"));
                        row.set("label", text.get("label"));
                        row.set("options", text.get("options"));
                        row.set("complete", g.get("complete"));
                    });
                }
                case "options" -> {
                    ArrayNode rows = out.putArray("options");
                    e.getValue().forEach(o -> {
                        JsonNode text = options.get(o.get("name").asText());
                        ObjectNode row = rows.addObject();
                        text.properties().forEach(t -> row.set(t.getKey(), t.getValue()));
                        for (String field : List.of("chosen", "value")) {
                            row.set(field, o.get(field));
                        }
                        row.put("valueLabel", valueText(text, o.get("value")));
                        row.set("decided", o.get("decided"));
                        if (text.get("kind").asText().equals("int")) {
                            row.set("valid", o.get("valid"));
                        } else {
                            List<String> valid = new ArrayList<>();
                            o.get("valid").forEach(v -> valid.add(v.asText()));
                            ArrayNode shown = row.putArray("values");
                            text.get("values").forEach(v -> {
                                ObjectNode value = shown.addObject();
                                value.set("name", v.get("name"));
                                value.set("label", v.get("label"));
                                value.put(
                                        "available",
                                        valid.contains(v.get("name").asText()));
                            });
                        }
                        assertThat(o.get("kind")).isEqualTo(text.get("kind"));
                        assertThat(o.get("default")).isEqualTo(text.get("default"));
                    });
                }
                default -> out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static String valueText(JsonNode option, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (option.get("kind").asText().equals("int")) {
            return option.get("unit").isNull()
                    ? value.asText()
                    : value.asText() + " " + option.get("unit").asText();
        }
        for (JsonNode v : option.get("values")) {
            if (v.get("name").asText().equals(value.asText())) {
                return v.get("label").asText();
            }
        }
        return value.asText();
    }
}
