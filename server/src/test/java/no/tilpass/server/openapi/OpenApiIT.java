package no.tilpass.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilpass.server.ServerUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keeps the OpenAPI document, the routes the server registers and the answers it gives in agreement. */
class OpenApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass();

    private static final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() throws IOException {
        document = JSON.readTree(OpenApi.document());
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    @Test
    void every_registered_route_is_documented_with_the_same_method_and_path_and_nothing_else_is() {
        Set<String> registered = server.server().routes().stream()
                .map(r -> r.method().name().toUpperCase(Locale.ROOT) + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(registered).contains("GET /api/openapi.json", "GET /api/configurations/{id}/quote.pdf");
        assertThat(documentedOperations()).isEqualTo(registered);
    }

    @Test
    void every_documented_operation_reaches_a_handler_in_the_running_javalin_app() throws Exception {
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> response = send(method, path, method.equals("GET") ? null : "{}");
            assertThat(response.statusCode()).as(operation).isNotEqualTo(405);
            if (response.statusCode() == 404) {
                // A handler's own 404 names what it did not find; the router's says there is no route.
                assertThat(JSON.readTree(response.body()).at("/error/message").asText())
                        .as(operation)
                        .doesNotStartWith("no route");
            }
        }
    }

    @Test
    void the_served_document_is_openapi_3_1_and_every_reference_resolves() throws Exception {
        HttpResponse<String> response = send("GET", "/api/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = JSON.readTree(response.body());
        assertThat(served).isEqualTo(document);
        assertThat(served.get("openapi").asText()).startsWith("3.1");
        List<String> refs = new ArrayList<>();
        collectRefs(served, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(served.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        // Every path parameter in a path template is declared, and every declared one is in the template.
        served.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    Set<String> inTemplate = new TreeSet<>();
                    java.util.regex.Matcher m =
                            java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                    while (m.find()) {
                        inTemplate.add(m.group(1));
                    }
                    Set<String> declared = new TreeSet<>();
                    op.getValue().path("parameters").forEach(p -> {
                        if (p.path("in").asText().equals("path")) {
                            declared.add(p.path("name").asText());
                        }
                    });
                    assertThat(declared).as(op.getKey() + " " + path.getKey()).isEqualTo(inTemplate);
                }));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    /** The schema of the {@code status} answer of an operation, as JSON. */
    private static JsonNode responseSchema(String method, String path, int status) {
        JsonNode response =
                document.path("paths").path(path).path(method).path("responses").path(Integer.toString(status));
        assertThat(response.isMissingNode())
                .as("%s %s documents %d", method, path, status)
                .isFalse();
        return response.path("content").path("application/json").path("schema");
    }

    private static void assertConforms(HttpResponse<String> response, String method, String path) throws IOException {
        JsonNode schema = responseSchema(method, path, response.statusCode());
        List<String> problems = new ArrayList<>();
        Schemas.check(document, JSON.readTree(response.body()), schema, "$", problems);
        assertThat(problems)
                .as("%s %s -> %d", method, path, response.statusCode())
                .isEmpty();
    }

    @Test
    void answers_carry_the_documented_required_properties() throws Exception {
        HttpResponse<String> firms = send("GET", "/api/firms", null);
        assertConforms(firms, "get", "/api/firms");
        HttpResponse<String> products = send("GET", "/api/products", null);
        assertConforms(products, "get", "/api/products");
        String productId = JSON.readTree(products.body()).get(0).get("id").asText();
        assertConforms(
                send("GET", "/api/products/" + productId + "/model?lang=en", null), "get", "/api/products/{id}/model");

        HttpResponse<String> created = send("POST", "/api/configurations", "{\"productId\":\"" + productId + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertConforms(created, "post", "/api/configurations");
        JsonNode state = JSON.readTree(created.body());
        assertThat(state.get("drawing").isObject())
                .as("the state carries its drawing")
                .isTrue();

        JsonNode option = firstChoice(state);
        ObjectNode body = JSON.createObjectNode();
        body.put("revision", state.get("revision").asInt());
        body.set("value", option.get("value"));
        HttpResponse<String> set = send(
                "PUT",
                "/api/configurations/" + state.get("id").asText() + "/decisions/"
                        + option.get("name").asText(),
                body.toString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertConforms(set, "put", "/api/configurations/{id}/decisions/{option}");

        HttpResponse<String> missing = send("GET", "/api/configurations/no-such-session", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertConforms(missing, "get", "/api/configurations/{id}");

        HttpResponse<String> stale = send(
                "PUT",
                "/api/configurations/" + state.get("id").asText() + "/decisions/"
                        + option.get("name").asText(),
                body.toString());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertConforms(stale, "put", "/api/configurations/{id}/decisions/{option}");
    }

    @Test
    void a_work_centre_calendar_and_its_change_carry_the_documented_properties() throws Exception {
        String path = "/api/firms/glamdal-vindu/work-centres/glaze-1/calendar";
        HttpResponse<String> calendar = send("GET", path, null);
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertConforms(calendar, "get", "/api/firms/{firmId}/work-centres/{id}/calendar");
        JsonNode c = JSON.readTree(calendar.body());
        ObjectNode body = JSON.createObjectNode();
        body.set("shifts", c.get("shifts"));
        body.set("holidays", c.get("holidays"));
        HttpResponse<String> same = send("PUT", path, body.toString());
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertConforms(same, "put", "/api/firms/{firmId}/work-centres/{id}/calendar");
        body.putArray("holidays").add("24.12.2026");
        HttpResponse<String> bad = send("PUT", path, body.toString());
        assertThat(bad.statusCode()).isEqualTo(422);
        assertConforms(bad, "put", "/api/firms/{firmId}/work-centres/{id}/calendar");
        HttpResponse<String> holidays =
                send("PATCH", "/api/firms/glamdal-vindu/holidays", "{\"remove\":[\"2040-01-02\"]}");
        assertThat(holidays.statusCode()).as(holidays.body()).isEqualTo(200);
        assertConforms(holidays, "patch", "/api/firms/{firmId}/holidays");
    }

    @Test
    void the_plan_carries_the_documented_properties_and_names_the_plants_clock() throws Exception {
        HttpResponse<String> plan = send("GET", "/api/firms/glamdal-vindu/plan?days=7", null);
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        assertConforms(plan, "get", "/api/firms/{firmId}/plan");
        JsonNode p = JSON.readTree(plan.body());
        assertThat(p.get("timeZone").asText()).isEqualTo("Europe/Oslo");
        assertThat(p.get("now").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    }

    @Test
    void the_stock_a_goods_receipt_and_the_stock_movements_carry_the_documented_properties() throws Exception {
        HttpResponse<String> stock = send("GET", "/api/firms/glamdal-vindu/stock", null);
        assertThat(stock.statusCode()).as(stock.body()).isEqualTo(200);
        assertConforms(stock, "get", "/api/firms/{firmId}/stock");
        assertThat(stock.body()).contains("\"description\"", "\"short\"");
        HttpRequest receipt = HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/firms/glamdal-vindu/stock/receipts"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"glass_double\",\"quantity\":3}"))
                .build();
        HttpResponse<String> booked = client.send(receipt, HttpResponse.BodyHandlers.ofString());
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertConforms(booked, "post", "/api/firms/{firmId}/stock/receipts");
        HttpResponse<String> again = client.send(receipt, HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertConforms(again, "post", "/api/firms/{firmId}/stock/receipts");
        HttpResponse<String> movements = send("GET", "/api/firms/glamdal-vindu/stock/movements?limit=3", null);
        assertThat(movements.statusCode()).isEqualTo(200);
        assertConforms(movements, "get", "/api/firms/{firmId}/stock/movements");
        HttpResponse<String> zero = send("POST", "/api/firms/glamdal-vindu/stock/receipts", "{}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertConforms(zero, "post", "/api/firms/{firmId}/stock/receipts");
    }

    /** An enumerated option with an available value, else any option with a value. */
    private static JsonNode firstChoice(JsonNode state) {
        for (JsonNode option : state.get("options")) {
            if (option.get("kind").asText().equals("enum")) {
                return option;
            }
        }
        return state.get("options").get(0);
    }

    @Test
    void the_schema_checker_finds_a_missing_required_property_and_a_wrong_type() throws Exception {
        JsonNode state = JSON.readTree(send(
                        "POST",
                        "/api/configurations",
                        "{\"productId\":\""
                                + JSON.readTree(send("GET", "/api/products", null)
                                                .body())
                                        .get(0)
                                        .get("id")
                                        .asText() + "\"}")
                .body());
        JsonNode schema = responseSchema("post", "/api/configurations", 201);
        ObjectNode broken = state.deepCopy();
        broken.remove("revision");
        broken.put("complete", "yes");
        List<String> problems = new ArrayList<>();
        Schemas.check(document, broken, schema, "$", problems);
        assertThat(problems).anyMatch(p -> p.contains("revision")).anyMatch(p -> p.contains("complete"));
    }
}
