package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import no.tilpass.engine.completion.Completer;
import no.tilpass.engine.completion.Completion;
import no.tilpass.engine.load.ModelFiles;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The configuration API of docs/api.md against the platform running in-process on a free port. */
class ConfigurationApiIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass();

    static final TestClient client = server.client();

    /** Whether the state shows {@code value} of the enumerated option as available. */
    private static boolean available(JsonNode state, String option, String value) {
        return TestClient.value(state, option, value).get("available").asBoolean();
    }

    private static JsonNode newWindow() {
        TestClient.Response r = client.post("/api/configurations", "{\"productId\":\"casement_window\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    @Test
    void a_new_configuration_starts_at_revision_zero_with_defaults_and_an_estimated_price() {
        JsonNode state = newWindow();

        assertThat(state.get("revision").asInt()).isZero();
        assertThat(state.get("language").asText()).isEqualTo("nb");
        assertThat(state.get("complete").asBoolean()).isFalse();
        assertThat(state.get("decisions")).isEmpty();
        JsonNode width = TestClient.option(state, "width");
        assertThat(width.get("kind").asText()).isEqualTo("int");
        assertThat(width.has("label"))
                .as("a compact state leaves the texts to the model")
                .isFalse();
        assertThat(width.get("chosen").isNull()).isTrue();
        assertThat(width.get("value").asInt()).isEqualTo(800);
        assertThat(width.get("decided").asText()).isEqualTo("default");
        assertThat(width.get("valid").get(0).get("from").asInt()).isEqualTo(400);
        assertThat(TestClient.option(state, "opening_type").get("valid")).isNotEmpty();
        assertThat(state.get("price").get("currency").asText()).isEqualTo("NOK");
        assertThat(state.get("price").get("estimate").asBoolean()).isTrue();
        assertThat(state.get("price").get("total").asLong()).isPositive();
        assertThat(state.get("drawing").get("width").asInt()).isEqualTo(800); // drawn with the values priced
        assertThat(state.get("canUndo").asBoolean()).isFalse();
    }

    @Test
    void the_texts_of_a_model_version_are_cacheable_for_good_and_revalidated_by_their_entity_tag() {
        String texts = newWindow().get("texts").asText();

        TestClient.Response first = client.get(texts);
        TestClient.Response again = client.get(
                texts, "If-None-Match", first.raw().headers().firstValue("ETag").orElseThrow());
        TestClient.Response latest = client.get("/api/products/casement_window/model?lang=nb");
        TestClient.Response english = client.get(texts.replace("lang=nb", "lang=en"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw().headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.text()).isEmpty();
        assertThat(latest.raw().headers().firstValue("Cache-Control"))
                .as("without ?version= the answer moves on with a new version")
                .hasValue("no-cache");
        assertThat(latest.raw().headers().firstValue("ETag"))
                .isEqualTo(first.raw().headers().firstValue("ETag"));
        assertThat(english.raw().headers().firstValue("ETag"))
                .isNotEqualTo(first.raw().headers().firstValue("ETag"));
        assertThat(TestClient.option(first.json(), "width").get("label").asText())
                .isEqualTo("Bredde");
    }

    @Test
    void a_view_that_is_neither_compact_nor_full_is_a_bad_request() {
        TestClient.Response r =
                client.get("/api/configurations/" + newWindow().get("id").asText() + "?view=short");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/field").asText()).isEqualTo("view");
        assertThat(r.json().at("/error/maybe").asText()).startsWith("Maybe ?view=full");
    }

    @Test
    void labels_follow_the_language_asked_for() {
        JsonNode state = newWindow();

        JsonNode english = client.get("/api/configurations/" + state.get("id").asText() + "?lang=en")
                .json();
        JsonNode full = client.get("/api/configurations/" + state.get("id").asText() + "?lang=en&view=full")
                .json();
        JsonNode texts = client.get(english.get("texts").asText()).json();

        assertThat(english.get("language").asText()).isEqualTo("en");
        assertThat(english.get("texts").asText()).isEqualTo("/api/products/casement_window/model?version=1&lang=en");
        assertThat(TestClient.option(texts, "width").get("label").asText()).isEqualTo("Width");
        assertThat(TestClient.option(full, "width").get("label").asText()).isEqualTo("Width");
        assertThat(TestClient.option(full, "width").get("valueLabel").asText()).isEqualTo("800 mm");
        assertThat(full.get("language").asText()).isEqualTo("en");
    }

    @Test
    void setting_a_value_moves_the_revision_and_narrows_the_other_options() {
        JsonNode state = newWindow();

        TestClient.Response r = client.set(state, "sashes", 3);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode next = r.json();
        assertThat(next.get("revision").asInt()).isEqualTo(1);
        assertThat(TestClient.option(next, "sashes").get("chosen").asInt()).isEqualTo(3);
        assertThat(TestClient.option(next, "sashes").get("decided").asText()).isEqualTo("user");
        assertThat(available(next, "opening_type", "tilt_turn")).isFalse();
        assertThat(available(state, "opening_type", "tilt_turn")).isTrue();
        assertThat(TestClient.option(next, "width")
                        .get("valid")
                        .get(0)
                        .get("from")
                        .asInt())
                .isEqualTo(1200);
        assertThat(next.get("canUndo").asBoolean()).isTrue();
        assertThat(client.get("/api/configurations/" + state.get("id").asText()).json())
                .isEqualTo(next);
    }

    @Test
    void clearing_and_undo_go_back_to_earlier_states() {
        JsonNode s0 = newWindow();
        JsonNode s1 = client.set(s0, "glazing", "double").json();
        JsonNode s2 = client.set(s1, "frame_material", "wood_alu").json();
        String id = s0.get("id").asText();

        JsonNode s3 = client.delete("/api/configurations/" + id + "/decisions/glazing?revision=2")
                .json();
        assertThat(s3.get("revision").asInt()).isEqualTo(3);
        assertThat(s3.get("decisions")).hasSize(1);
        assertThat(TestClient.option(s3, "glazing").get("chosen").isNull()).isTrue();

        JsonNode s4 = client.post("/api/configurations/" + id + "/undo", "{\"revision\":3}")
                .json();
        assertThat(s4.get("revision").asInt()).isEqualTo(4);
        assertThat(s4.get("decisions")).isEqualTo(s2.get("decisions"));

        JsonNode s5 = client.post("/api/configurations/" + id + "/undo", "{\"revision\":4}")
                .json();
        assertThat(s5.get("decisions")).isEqualTo(s1.get("decisions"));
    }

    @Test
    void a_change_against_a_stale_revision_is_409_with_the_current_state() {
        JsonNode s0 = newWindow();
        JsonNode s1 = client.set(s0, "glazing", "double").json();

        TestClient.Response stale = client.set(s0, "sashes", 2);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error().get("code").asText()).isEqualTo("stale_revision");
        assertThat(stale.error().get("current").get("revision").asInt()).isEqualTo(1);
        assertThat(stale.error().get("current").get("decisions")).isEqualTo(s1.get("decisions"));
        assertThat(stale.text()).doesNotContain("Exception").doesNotContain("at no.tilpass");
    }

    @Test
    void an_unknown_option_is_422_with_a_maybe_naming_the_nearest_option() {
        JsonNode s0 = newWindow();

        TestClient.Response r = client.set(s0, "widht", 1200);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error().get("code").asText()).isEqualTo("unknown_option");
        assertThat(r.error().get("message").asText()).contains("widht");
        assertThat(r.error().get("maybe").asText()).startsWith("Maybe").contains("'width'");
        assertThat(r.error().get("field").asText()).isEqualTo("option");
    }

    @Test
    void an_unknown_value_and_a_width_outside_its_range_are_422_with_a_maybe() {
        JsonNode s0 = newWindow();

        TestClient.Response value = client.set(s0, "opening_type", "tilt_trun");
        TestClient.Response range = client.set(s0, "width", 5000);
        TestClient.Response step = client.set(s0, "width", 1205);

        assertThat(value.status()).isEqualTo(422);
        assertThat(value.error().get("code").asText()).isEqualTo("unknown_value");
        assertThat(value.error().get("maybe").asText()).isEqualTo("Maybe you meant 'tilt_turn'?");
        assertThat(range.status()).isEqualTo(422);
        assertThat(range.error().get("code").asText()).isEqualTo("value_out_of_range");
        assertThat(range.error().get("message").asText()).contains("400..2400");
        assertThat(range.error().get("maybe").asText()).isEqualTo("Maybe 2400?");
        assertThat(step.error().get("maybe").asText()).isEqualTo("Maybe 1210?");
        assertThat(client.get("/api/configurations/" + s0.get("id").asText()).revision())
                .isZero();
    }

    @Test
    void an_unavailable_value_is_422_with_its_explanation() {
        JsonNode s1 = client.set(newWindow(), "sashes", 3).json();

        TestClient.Response r = client.set(s1, "opening_type", "tilt_turn");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error().get("code").asText()).isEqualTo("value_unavailable");
        JsonNode explanation = r.error().get("explanation");
        assertThat(explanation.get("decisions").get(0).get("option").asText()).isEqualTo("sashes");
        assertThat(explanation.get("rules").findValuesAsText("id")).contains("R24");
    }

    @Test
    void malformed_json_is_400_an_oversize_body_is_413_and_an_unknown_id_is_404() {
        JsonNode s0 = newWindow();
        String id = s0.get("id").asText();

        TestClient.Response malformed = client.put("/api/configurations/" + id + "/decisions/width", "{\"value\": 12");
        TestClient.Response missingRevision =
                client.put("/api/configurations/" + id + "/decisions/width", "{\"value\":1200}");
        TestClient.Response huge = client.post("/api/configurations", new byte[(1 << 20) + 10]);
        TestClient.Response unknown = client.get("/api/configurations/no-such-id");
        TestClient.Response unknownProduct = client.get("/api/products/no_such_product");
        TestClient.Response unknownRoute = client.get("/api/no/such/route");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error().get("code").asText()).isEqualTo("malformed_json");
        assertThat(malformed.error().get("maybe").asText()).startsWith("Maybe");
        assertThat(missingRevision.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.error().get("code").asText()).isEqualTo("body_too_large");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("code").asText()).isEqualTo("not_found");
        assertThat(unknownProduct.status()).isEqualTo(404);
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.error().get("code").asText()).isEqualTo("not_found");
        assertThat(unknownRoute.error().get("maybe").asText()).startsWith("Maybe");
        for (TestClient.Response r :
                java.util.List.of(malformed, missingRevision, huge, unknown, unknownProduct, unknownRoute)) {
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void the_price_breakdown_and_the_rule_names_of_an_explanation_follow_the_session_language() {
        JsonNode nb = newWindow();
        String id = nb.get("id").asText();

        assertThat(nb.get("language").asText()).isEqualTo("nb");
        assertThat(nb.get("price").get("lines").findValuesAsText("label"))
                .contains("Grunnpris", "Karm, per meter")
                .doesNotContain("Base price", "Frame, per metre");
        JsonNode sv = client.get("/api/configurations/" + id + "?lang=sv").json();
        assertThat(sv.get("price").get("lines").findValuesAsText("label")).contains("Grundpris", "Karm, per meter");
        JsonNode en = client.get("/api/configurations/" + id + "?lang=en").json();
        assertThat(en.get("price").get("lines").findValuesAsText("label")).contains("Base price", "Frame, per metre");
        assertThat(en.get("price").get("total")).isEqualTo(nb.get("price").get("total"));

        String sashes = client.set(nb, "sashes", 3).json().get("id").asText();
        JsonNode whyNb = client.get("/api/configurations/" + sashes + "/explain?option=opening_type&value=tilt_turn")
                .json();
        JsonNode ruleNb = whyNb.get("rules").get(0);
        assertThat(ruleNb.get("id").asText()).isEqualTo("R24");
        assertThat(ruleNb.get("name").asText()).isEqualTo("Drei-kipp-rammer");
        JsonNode whyEn = client.get(
                        "/api/configurations/" + sashes + "/explain?option=opening_type&value=tilt_turn&lang=en")
                .json();
        assertThat(whyEn.get("rules").get(0).get("name").asText()).isEqualTo("Tilt-turn sashes");
    }

    @Test
    void explain_names_the_decisions_and_rules_and_repair_restores_consistency() {
        JsonNode s1 = client.set(newWindow(), "sashes", 3).json();
        String id = s1.get("id").asText();

        JsonNode why = client.get("/api/configurations/" + id + "/explain?option=opening_type&value=tilt_turn&lang=en")
                .json();

        assertThat(why.get("available").asBoolean()).isFalse();
        assertThat(why.get("decisions")).hasSize(1);
        assertThat(why.get("decisions").get(0).get("value").asInt()).isEqualTo(3);
        JsonNode rule = why.get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("R24");
        assertThat(rule.get("sentence").asText()).isEqualTo("Tilt-turn windows are made with one or two sashes.");
        assertThat(why.get("repair").get("set").get("value").asText()).isEqualTo("tilt_turn");
        assertThat(why.get("repair").get("retract").get(0).get("option").asText())
                .isEqualTo("sashes");

        TestClient.Response repaired = client.post(
                "/api/configurations/" + id + "/repair",
                "{\"option\":\"opening_type\",\"value\":\"tilt_turn\",\"revision\":1}");

        assertThat(repaired.status()).as(repaired.text()).isEqualTo(200);
        JsonNode s2 = repaired.json();
        assertThat(TestClient.option(s2, "opening_type").get("chosen").asText()).isEqualTo("tilt_turn");
        assertThat(TestClient.option(s2, "sashes").get("chosen").isNull()).isTrue();
        assertThat(TestClient.option(s2, "sashes").get("value").asInt()).isLessThanOrEqualTo(2);
        assertThat(TestClient.option(s2, "opening_direction").get("decided").asText())
                .isEqualTo("forced");
    }

    @Test
    void complete_decides_every_open_option_and_the_price_is_no_longer_an_estimate() {
        JsonNode s1 = client.set(newWindow(), "width", 1000).json();
        String id = s1.get("id").asText();

        TestClient.Response r = client.post("/api/configurations/" + id + "/complete", "{\"revision\":1}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode done = r.json();
        assertThat(done.get("complete").asBoolean()).isTrue();
        assertThat(done.get("price").get("estimate").asBoolean()).isFalse();
        for (JsonNode o : done.get("options")) {
            assertThat(o.get("decided").asText()).as(o.get("name").asText()).isIn("user", "forced");
        }
        assertThat(TestClient.option(done, "width").get("chosen").asInt()).isEqualTo(1000);
        assertThat(TestClient.option(done, "glazing").get("chosen").asText()).isEqualTo("triple");
        long total = 0;
        for (JsonNode line : done.get("price").get("lines")) {
            total += line.get("amount").asLong();
        }
        assertThat(done.get("price").get("total").asLong()).isEqualTo(total);
    }

    @Test
    void a_shared_configuration_opens_by_its_token() {
        JsonNode s1 = client.set(newWindow(), "glazing", "double").json();
        String id = s1.get("id").asText();

        JsonNode share = client.post("/api/configurations/" + id + "/share", "").json();
        JsonNode again = client.post("/api/configurations/" + id + "/share", "").json();
        String token = share.get("token").asText();
        TestClient.Response shared = client.get("/api/shared/" + token);
        TestClient.Response page = client.get("/c/" + token);

        assertThat(again.get("token").asText()).isEqualTo(token);
        assertThat(share.get("url").asText()).isEqualTo("/c/" + token);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json().get("id").asText()).isEqualTo(id);
        assertThat(shared.json().get("decisions")).isEqualTo(s1.get("decisions"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(client.get("/api/shared/not-a-token").status()).isEqualTo(404);
    }

    @Test
    void after_choosing_a_width_the_valid_widths_still_span_the_other_widths() {
        JsonNode s1 = client.set(newWindow(), "width", 1200).json();

        JsonNode width = TestClient.option(s1, "width");

        assertThat(width.get("decided").asText()).isEqualTo("user");
        assertThat(width.get("chosen").asInt()).isEqualTo(1200);
        assertThat(width.get("valid")).hasSize(1);
        assertThat(width.get("valid").get(0).get("from").asInt()).isEqualTo(400);
        assertThat(width.get("valid").get(0).get("to").asInt()).isEqualTo(2400);
    }

    @Test
    void a_value_of_a_decided_option_excluded_by_another_decision_is_unavailable_and_explained_by_that_decision() {
        JsonNode s1 = client.set(newWindow(), "width", 1200).json();
        JsonNode s2 = client.set(s1, "sashes", 3).json();
        String id = s2.get("id").asText();

        JsonNode width = TestClient.option(s2, "width");
        JsonNode why = client.get("/api/configurations/" + id + "/explain?option=width&value=800&lang=en")
                .json();
        JsonNode s3 = client.set(
                        client.set(newWindow(), "opening_type", "side_hung").json(), "sashes", 2)
                .json();

        assertThat(width.get("valid").get(0).get("from").asInt()).isEqualTo(1200);
        assertThat(width.get("valid").get(0).get("to").asInt()).isEqualTo(2400);
        assertThat(why.get("available").asBoolean()).isFalse();
        assertThat(why.get("decisions").findValuesAsText("option")).containsExactly("sashes");
        assertThat(why.get("rules").findValuesAsText("id")).contains("R06");
        assertThat(available(s3, "opening_type", "side_hung")).isTrue();
        assertThat(available(s3, "opening_type", "tilt_turn")).isTrue();
        assertThat(available(s3, "opening_type", "fixed")).isFalse();
    }

    @Test
    void changing_a_decided_option_to_another_available_value_replaces_the_decision() {
        JsonNode s1 = client.set(newWindow(), "width", 1200).json();
        JsonNode s2 = client.set(s1, "opening_type", "side_hung").json();

        TestClient.Response width = client.set(s2, "width", 1500);
        TestClient.Response opening = client.set(width.json(), "opening_type", "tilt_turn");

        assertThat(width.status()).as(width.text()).isEqualTo(200);
        assertThat(opening.status()).as(opening.text()).isEqualTo(200);
        JsonNode s4 = opening.json();
        assertThat(s4.get("decisions")).hasSize(2);
        assertThat(TestClient.option(s4, "width").get("chosen").asInt()).isEqualTo(1500);
        assertThat(TestClient.option(s4, "opening_type").get("chosen").asText()).isEqualTo("tilt_turn");
        assertThat(TestClient.option(s4, "width")
                        .get("valid")
                        .get(0)
                        .get("from")
                        .asInt())
                .isLessThan(1500); // tilt-turn windows have a minimum width of their own
    }

    @Test
    void a_value_shown_available_for_a_decided_option_extends_to_a_valid_configuration_with_the_other_decisions() {
        LoadResult loaded = ModelFiles.load(Path.of("..", "models", "window.tpm"));
        assertThat(loaded).isInstanceOf(LoadResult.Loaded.class);
        Completer oracle = new Completer(((LoadResult.Loaded) loaded).space());
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            JsonNode state = full(newWindow());
            for (int step = 0; step < 6; step++) {
                List<JsonNode> options = new ArrayList<>();
                state.get("options").forEach(options::add);
                JsonNode option = options.get(random.nextInt(options.size()));
                List<String> available = shown(option, true);
                String value = available.get(random.nextInt(available.size()));
                TestClient.Response r = client.set(state, option.get("name").asText(), typed(option, value));
                assertThat(r.status())
                        .as(
                                "seed %d step %d: %s=%s shown available: %s",
                                seed, step, option.get("name"), value, r.text())
                        .isEqualTo(200);
                state = full(r.json());
                checkDecidedOptions(oracle, state, seed, step, random);
            }
        }
    }

    /** The full state (every value of every option, with min, max and step) of a session at its revision. */
    private static JsonNode full(JsonNode state) {
        JsonNode full = client.get("/api/configurations/" + state.get("id").asText() + "?view=full")
                .json();
        assertThat(full.get("revision")).isEqualTo(state.get("revision"));
        return full;
    }

    /** Every decided option's shown values agree with the oracle on the other decisions. */
    private static void checkDecidedOptions(Completer oracle, JsonNode state, long seed, int step, Random random) {
        List<Decision> decisions = new ArrayList<>();
        for (JsonNode d : state.get("decisions")) {
            decisions.add(new Decision(d.get("option").asText(), d.get("value").asText()));
        }
        for (Decision decided : decisions) {
            JsonNode option = TestClient.option(state, decided.option());
            List<String> shownAvailable = shown(option, true);
            List<String> checked = new ArrayList<>(candidates(option, random));
            for (String value : checked) {
                List<Decision> query = new ArrayList<>(decisions);
                query.remove(decided);
                query.add(new Decision(decided.option(), value));
                boolean extendsToValid = oracle.complete(query) instanceof Completion.Complete;
                assertThat(shownAvailable.contains(value))
                        .as(
                                "seed %d step %d: %s=%s with the other decisions of %s",
                                seed, step, decided.option(), value, decisions)
                        .isEqualTo(extendsToValid);
            }
        }
    }

    /** The values of an option the state shows as available (or, with {@code available} false, all values). */
    private static List<String> shown(JsonNode option, boolean available) {
        List<String> out = new ArrayList<>();
        if (option.get("kind").asText().equals("int")) {
            if (!available) {
                addSteps(out, option.get("min"), option.get("max"), option.get("step"));
                return out;
            }
            for (JsonNode run : option.get("valid")) {
                addSteps(out, run.get("from"), run.get("to"), run.get("step"));
            }
            return out;
        }
        for (JsonNode v : option.get("values")) {
            if (!available || v.get("available").asBoolean()) {
                out.add(v.get("name").asText());
            }
        }
        return out;
    }

    /** Adds {@code from}, {@code from + step}, ... up to {@code to} as text. */
    private static void addSteps(List<String> out, JsonNode from, JsonNode to, JsonNode step) {
        for (long n = from.asLong(); n <= to.asLong(); n += step.asLong()) {
            out.add(Long.toString(n));
        }
    }

    /** Values worth asking the oracle about: all of a small option; a wide integer's run edges and a sample. */
    private static TreeSet<String> candidates(JsonNode option, Random random) {
        List<String> all = shown(option, false);
        if (all.size() <= 12) {
            return new TreeSet<>(all);
        }
        TreeSet<String> out = new TreeSet<>(List.of(all.get(0), all.get(all.size() - 1)));
        long step = option.get("step").asLong();
        for (JsonNode run : option.get("valid")) {
            for (long n : new long[] {
                run.get("from").asLong() - step,
                run.get("from").asLong(),
                run.get("to").asLong(),
                run.get("to").asLong() + step
            }) {
                if (all.contains(Long.toString(n))) {
                    out.add(Long.toString(n));
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            out.add(all.get(random.nextInt(all.size())));
        }
        return out;
    }

    /** A value as the API takes it: a number for an int option, a boolean for a bool, else the name. */
    private static Object typed(JsonNode option, String value) {
        return switch (option.get("kind").asText()) {
            case "int" -> Long.parseLong(value);
            case "bool" -> Boolean.parseBoolean(value);
            default -> value;
        };
    }
}
