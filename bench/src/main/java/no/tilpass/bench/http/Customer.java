package no.tilpass.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * One simulated customer: creates a session, then repeatedly picks (seeded) an option that is not yet
 * the customer's own decision and has at least two valid values, and sets one of its valid values;
 * now and then it undoes the last change or clears one of its decisions; when the configuration is
 * complete (or nothing is left to choose) it starts a new session. Runs until {@code end}.
 */
final class Customer implements Callable<Tally> {
    static final double UNDO = 0.05;
    static final double CLEAR = 0.05;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    private final String productId;
    private final Random random;
    private final long measureFrom;
    private final long end;
    private final Tally tally = new Tally();

    Customer(HttpClient client, URI base, String productId, long seed, long measureFrom, long end) {
        this.client = client;
        this.base = base;
        this.productId = productId;
        this.random = new Random(seed);
        this.measureFrom = measureFrom;
        this.end = end;
    }

    @Override
    public Tally call() {
        JsonNode state = null;
        while (System.nanoTime() < end) {
            if (state == null) {
                // A new session is always followed by at least one step, even past the end.
                state = create().orElse(null);
                if (state == null) {
                    pause(); // a server that refuses sessions is not hammered in a tight loop
                    continue;
                }
            }
            if (state.path("complete").asBoolean()) {
                tally.completed();
                state = null;
                continue;
            }
            double dice = random.nextDouble();
            int revision = state.path("revision").asInt();
            String id = state.path("id").asText();
            List<String> own = ownDecisions(state);
            if (dice < UNDO && state.path("canUndo").asBoolean()) {
                state = step(post("/api/configurations/" + id + "/undo", revision(revision)));
            } else if (dice < UNDO + CLEAR && !own.isEmpty()) {
                String option = own.get(random.nextInt(own.size()));
                state = step(HttpRequest.newBuilder(uri(
                                "/api/configurations/" + id + "/decisions/" + encode(option) + "?revision=" + revision))
                        .timeout(TIMEOUT)
                        .DELETE()
                        .build());
            } else {
                List<JsonNode> candidates = candidates(state);
                if (candidates.isEmpty()) {
                    tally.completed();
                    state = null;
                    continue;
                }
                JsonNode option = candidates.get(random.nextInt(candidates.size()));
                ObjectNode body = revision(revision);
                body.set("value", pickValue(option));
                state = step(HttpRequest.newBuilder(uri("/api/configurations/" + id + "/decisions/"
                                + encode(option.path("name").asText())))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build());
            }
        }
        return tally;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options the customer has not decided that have at least two valid values. */
    static List<JsonNode> candidates(JsonNode state) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode option : state.path("options")) {
            if (!option.path("decided").asText().equals("user") && validCount(option) >= 2) {
                out.add(option);
            }
        }
        return out;
    }

    private static List<String> ownDecisions(JsonNode state) {
        List<String> out = new ArrayList<>();
        for (JsonNode decision : state.path("decisions")) {
            out.add(decision.path("option").asText());
        }
        return out;
    }

    static long validCount(JsonNode option) {
        if (option.path("kind").asText().equals("int")) {
            long count = 0;
            for (JsonNode run : option.path("valid")) {
                count += runLength(run);
            }
            return count;
        }
        long count = 0;
        for (JsonNode value : option.path("values")) {
            if (value.path("available").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    private static long runLength(JsonNode run) {
        long step = Math.max(1, run.path("step").asLong(1));
        return (run.path("to").asLong() - run.path("from").asLong()) / step + 1;
    }

    /** A valid value of {@code option}, uniformly among its valid values, as the JSON the API takes. */
    JsonNode pickValue(JsonNode option) {
        String kind = option.path("kind").asText();
        if (kind.equals("int")) {
            long pick = (long) (random.nextDouble() * validCount(option));
            for (JsonNode run : option.path("valid")) {
                long length = runLength(run);
                if (pick < length) {
                    long step = Math.max(1, run.path("step").asLong(1));
                    return JSON.getNodeFactory().numberNode(run.path("from").asLong() + pick * step);
                }
                pick -= length;
            }
        }
        List<String> available = new ArrayList<>();
        for (JsonNode value : option.path("values")) {
            if (value.path("available").asBoolean()) {
                available.add(value.path("name").asText());
            }
        }
        String name = available.get(random.nextInt(available.size()));
        if (kind.equals("bool")) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(name));
        }
        return JSON.getNodeFactory().textNode(name);
    }

    private Optional<JsonNode> create() {
        ObjectNode body = JSON.createObjectNode();
        body.put("productId", productId);
        Optional<JsonNode> state = send(post("/api/configurations", body), false);
        state.ifPresent(s -> tally.created());
        return state;
    }

    /** One timed configuration change; null (start over) when it failed. */
    private JsonNode step(HttpRequest request) {
        return send(request, true).orElse(null);
    }

    private Optional<JsonNode> send(HttpRequest request, boolean timed) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (response.statusCode() / 100 != 2) {
                tally.error(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode() + " "
                        + abbreviate(response.body()));
                return Optional.empty();
            }
            if (timed) {
                tally.answered();
                if (start >= measureFrom && start + nanos <= end) {
                    tally.step(nanos, response.body().length());
                }
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            tally.error(request.method() + " " + request.uri().getPath() + " -> " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.error("interrupted");
            return Optional.empty();
        }
    }

    private HttpRequest post(String path, JsonNode body) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private static ObjectNode revision(int revision) {
        ObjectNode body = JSON.createObjectNode();
        body.put("revision", revision);
        return body;
    }

    private URI uri(String path) {
        return base.resolve(path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
