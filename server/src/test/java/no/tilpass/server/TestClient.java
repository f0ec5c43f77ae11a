package no.tilpass.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A small JSON client for the API of a server running in-process. */
final class TestClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Supplier<String> base;
    private final Consumer<String> settle;

    TestClient(String base) {
        this(() -> base);
    }

    /** A client of the server whose base URL {@code base} gives at each request (a server may restart). */
    TestClient(Supplier<String> base) {
        this(base, null);
    }

    /** The same, with {@code settle} waiting until the server has no re-plan of a firm pending. */
    TestClient(Supplier<String> base, Consumer<String> settle) {
        this.base = base;
        this.settle = settle != null ? settle : this::pollUntilPlanned;
    }

    /**
     * Waits until the re-plan that follows the release of an order of {@code firmId} has landed or been
     * dropped (it runs in the background), so that a test comparing the plan before and after a change of
     * its own does not see it land in between.
     */
    void settle(String firmId) {
        settle.accept(firmId);
    }

    private void pollUntilPlanned(String firmId) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (get("/api/firms/" + firmId + "/plan").get("replanning").asBoolean(false)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the plan of " + firmId + " was still being re-planned after 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the plan of " + firmId, e);
            }
        }
    }

    /** A response: status, the body as text and as JSON (missing when not JSON). */
    record Response(int status, String text, JsonNode json, HttpResponse<String> raw) {
        JsonNode get(String field) {
            return json.path(field);
        }

        JsonNode error() {
            return json.path("error");
        }

        int revision() {
            return json.path("revision").asInt();
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET with one request header, e.g. {@code If-None-Match}. */
    Response get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET());
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response postWithKey(String path, String key, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response patch(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create(base.get() + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(
                    request.timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = MAPPER.readTree(r.body());
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
            return new Response(r.statusCode(), r.body(), json == null ? MissingNode.getInstance() : json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON text of a value ({@code "tilt_turn"}, {@code 1200}, {@code true}). */
    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a decision at the revision of {@code state}. */
    Response set(JsonNode state, String option, Object value) {
        return put(
                "/api/configurations/" + state.path("id").asText() + "/decisions/" + option,
                "{\"value\":" + json(value) + ",\"revision\":"
                        + state.path("revision").asInt() + "}");
    }

    /** The option entry named {@code option} in a state. */
    static JsonNode option(JsonNode state, String option) {
        for (JsonNode o : state.path("options")) {
            if (o.path("name").asText().equals(option)) {
                return o;
            }
        }
        throw new AssertionError("no option " + option + " in " + state);
    }

    /**
     * The value entry ({@code name}, {@code available}) of an enumerated option in a full state; in a compact
     * state, where the option lists its valid values only, one made from them.
     */
    static JsonNode value(JsonNode state, String option, String value) {
        JsonNode o = option(state, option);
        if (!o.has("values")) {
            boolean available = false;
            for (JsonNode v : o.path("valid")) {
                available |= v.asText().equals(value);
            }
            return MAPPER.createObjectNode().put("name", value).put("available", available);
        }
        for (JsonNode v : o.path("values")) {
            if (v.path("name").asText().equals(value)) {
                return v;
            }
        }
        throw new AssertionError("no value " + option + "=" + value);
    }
}
