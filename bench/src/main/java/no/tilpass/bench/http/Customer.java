package no.tilpass.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * One simulated customer: creates a session, then repeatedly picks (seeded) an option that is not yet
 * the customer's own decision and has at least two valid values, and sets one of its valid values;
 * now and then it undoes the last change or clears one of its decisions; when the configuration is
 * complete (or nothing is left to choose) it starts a new session. Runs until the {@link Window} ends.
 */
final class Customer implements Callable<Tally> {
    static final double UNDO = 0.05;
    static final double CLEAR = 0.05;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transport http;
    private final String productId;
    private final Random random;
    private final Window window;
    private final Tally tally = new Tally();

    Customer(Transport http, String productId, long seed, Window window) {
        this.http = http;
        this.productId = productId;
        this.random = new Random(seed);
        this.window = window;
    }

    @Override
    public Tally call() {
        StepState state = null;
        while (System.nanoTime() < window.end()) {
            if (state == null) {
                // A new session is always followed by at least one step, even past the end.
                state = create().orElse(null);
                if (state == null) {
                    pause(); // a server that refuses sessions is not hammered in a tight loop
                    continue;
                }
            }
            if (state.complete()) {
                tally.completed();
                state = null;
                continue;
            }
            double dice = random.nextDouble();
            int revision = state.revision();
            String id = state.id();
            List<String> own = ownDecisions(state);
            if (dice < UNDO && state.canUndo()) {
                state = step("POST", "/api/configurations/" + id + "/undo", revision(revision));
            } else if (dice < UNDO + CLEAR && !own.isEmpty()) {
                String option = own.get(random.nextInt(own.size()));
                state = step(
                        "DELETE",
                        "/api/configurations/" + id + "/decisions/" + encode(option) + "?revision=" + revision,
                        null);
            } else {
                List<StepState.OptionState> candidates = candidates(state);
                if (candidates.isEmpty()) {
                    tally.completed();
                    state = null;
                    continue;
                }
                StepState.OptionState option = candidates.get(random.nextInt(candidates.size()));
                ObjectNode body = revision(revision);
                body.set("value", pickValue(option));
                state = step("PUT", "/api/configurations/" + id + "/decisions/" + encode(option.name()), body);
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
    static List<StepState.OptionState> candidates(StepState state) {
        List<StepState.OptionState> out = new ArrayList<>();
        for (StepState.OptionState option : state.options()) {
            if (!"user".equals(option.decided()) && validCount(option) >= 2) {
                out.add(option);
            }
        }
        return out;
    }

    private static List<String> ownDecisions(StepState state) {
        List<String> out = new ArrayList<>();
        for (StepState.Chosen decision : state.decisions()) {
            out.add(decision.option());
        }
        return out;
    }

    static long validCount(StepState.OptionState option) {
        if ("int".equals(option.kind())) {
            long count = 0;
            for (StepState.Run run : option.runs()) {
                count += run.length();
            }
            return count;
        }
        return option.choices().size();
    }

    /** A valid value of {@code option}, uniformly among its valid values, as the JSON the API takes. */
    JsonNode pickValue(StepState.OptionState option) {
        if ("int".equals(option.kind())) {
            long pick = (long) (random.nextDouble() * validCount(option));
            for (StepState.Run run : option.runs()) {
                if (pick < run.length()) {
                    return JSON.getNodeFactory().numberNode(run.from() + pick * Math.max(1, run.step()));
                }
                pick -= run.length();
            }
        }
        List<JsonNode> choices = option.choices();
        return choices.get(random.nextInt(choices.size()));
    }

    private Optional<StepState> create() {
        ObjectNode body = JSON.createObjectNode();
        body.put("productId", productId);
        Optional<StepState> state = send("POST", "/api/configurations", body, false);
        state.ifPresent(s -> tally.created());
        return state;
    }

    /** One timed configuration change; null (start over) when it failed. */
    private StepState step(String method, String path, JsonNode body) {
        return send(method, path, body, true).orElse(null);
    }

    private Optional<StepState> send(String method, String path, JsonNode body, boolean timed) {
        long start = System.nanoTime();
        try {
            Transport.Answer answer = http.send(method, path, body == null ? null : body.toString());
            long nanos = System.nanoTime() - start;
            if (answer.status() / 100 != 2) {
                tally.error(
                        method + " " + path + " -> " + answer.status() + " " + HttpBenchmark.abbreviate(answer.text()));
                return Optional.empty();
            }
            if (timed) {
                tally.answered();
                if (window.contains(start, nanos)) {
                    tally.step(nanos, answer.body().length);
                }
            }
            return Optional.of(StepState.parse(answer.body()));
        } catch (IOException e) {
            tally.error(method + " " + path + " -> " + e);
            return Optional.empty();
        }
    }

    private static ObjectNode revision(int revision) {
        ObjectNode body = JSON.createObjectNode();
        body.put("revision", revision);
        return body;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
