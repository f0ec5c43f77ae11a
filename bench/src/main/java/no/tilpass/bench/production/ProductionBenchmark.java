package no.tilpass.bench.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import no.tilpass.bench.http.HttpBenchmark;
import no.tilpass.server.ServerConfig;
import no.tilpass.server.TilpassServer;
import no.tilpass.server.production.Production;

/**
 * {@code bench production}: a server started in-process on a temporary data folder (never a running one:
 * the run places hundreds of orders), then, over loopback HTTP and one request at a time:
 *
 * <ol>
 *   <li>{@code orders} window orders of seeded random width, height and quantity, a share of them with
 *       integrated motorised blinds (motors are never in stock, so those wait for the supplier), each
 *       released and planned at once as a customer's order is;
 *   <li>{@code steps} width changes of one new configuration, each answered with a delivery date computed
 *       against the full plan (capable-to-promise);
 *   <li>one goods receipt of the article the orders are most short of, which covers the waiting orders
 *       and moves the queue behind them up;
 *   <li>one read of the plan for 180 days.
 * </ol>
 *
 * <p>The planning time limit is {@code tilpass.planSeconds}, set from the settings for the in-process server.
 */
public final class ProductionBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String PLAN_SECONDS = "tilpass.planSeconds";
    static final String PRODUCT = "casement_window";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Every this many orders, one delivery date is timed right after the order. */
    static final int AFTER_ORDER_EVERY = 10;

    private ProductionBenchmark() {}

    /**
     * @param orders orders to place
     * @param steps capable-to-promise steps to time after the orders
     * @param planSeconds the planning time limit of the in-process server (at least 0.2)
     * @param motorisedShare the share of orders with integrated motorised blinds, 0 to 1
     * @param maxQuantity each order is 1 to this many windows
     * @param seed the seed of the orders' sizes, quantities and blinds
     */
    /**
     * What a plan change (a closing, a downtime) did to the orders, from its answer's {@code movedOrders}: how
     * many moved, how many of those are then late, the most calendar days one finishes after its promised
     * date, and those days summed.
     */
    private record Delays(int moved, int late, long maxDaysLate, long daysLate) {
        static final Delays NONE = new Delays(0, 0, 0, 0);

        static Delays of(JsonNode answer) {
            if (answer == null) {
                return NONE;
            }
            int late = 0;
            long max = 0;
            long sum = 0;
            for (JsonNode m : answer.path("movedOrders")) {
                late += m.path("late").asBoolean() ? 1 : 0;
                long days = Math.max(
                        0,
                        java.time.temporal.ChronoUnit.DAYS.between(
                                java.time.LocalDate.parse(m.path("promisedDate").asText()),
                                java.time.LocalDate.parse(
                                        m.path("plannedFinish").asText().substring(0, 10))));
                max = Math.max(max, days);
                sum += days;
            }
            return new Delays(answer.path("movedOrders").size(), late, max, sum);
        }
    }

    /**
     * What to run: {@code plantClock}, when present, is the plant's wall time (Europe/Oslo) the in-process
     * server's clock starts at, so that a run can be repeated on the same weekday and hour (the closing of the
     * next two days with work depends on how much of today is left).
     */
    public record Settings(
            int orders,
            int steps,
            double planSeconds,
            double motorisedShare,
            int maxQuantity,
            long seed,
            Optional<LocalDateTime> plantClock) {
        public Settings {
            Objects.requireNonNull(plantClock, "plantClock");
        }

        /** On the real time. */
        public Settings(int orders, int steps, double planSeconds, double motorisedShare, int maxQuantity, long seed) {
            this(orders, steps, planSeconds, motorisedShare, maxQuantity, seed, Optional.empty());
        }
    }

    /** The outcome: a report, or why there is none. */
    public sealed interface Outcome {
        record Measured(ProductionReport report, List<String> firstErrors) implements Outcome {
            public Measured {
                firstErrors = List.copyOf(firstErrors);
            }
        }

        record Failed(String message, String maybe) implements Outcome {}
    }

    public static Outcome run(Settings settings, PrintWriter err) {
        if (settings.orders() < 1
                || settings.steps() < 1
                || settings.planSeconds() < 0.2
                || settings.motorisedShare() < 0
                || settings.motorisedShare() > 1
                || settings.maxQuantity() < 1
                || settings.maxQuantity() > 9999) {
            return new Outcome.Failed(
                    "--orders " + settings.orders() + " --steps " + settings.steps() + " --plan-seconds "
                            + settings.planSeconds() + " --motorised " + settings.motorisedShare()
                            + " --max-quantity " + settings.maxQuantity() + " cannot run",
                    "Maybe --orders 300 --steps 80 --plan-seconds 1 --motorised 0.2 --max-quantity 3 (orders, steps"
                            + " and quantity at least 1, plan seconds at least 0.2, the motorised share 0 to 1).");
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("tilpass-bench-production");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String planBefore = System.getProperty(PLAN_SECONDS);
        String logBefore = System.getProperty(LOG_LEVEL);
        System.setProperty(PLAN_SECONDS, Double.toString(settings.planSeconds()));
        if (logBefore == null) {
            // The in-process server shares stderr with the report; keep its start-up chatter out.
            System.setProperty(LOG_LEVEL, "warn");
        }
        long start = System.nanoTime();
        ServerConfig config = ServerConfig.embedded(dataDir, 0);
        if (settings.plantClock().isPresent()) {
            config = config.withClock(
                    ServerConfig.plantClockFrom(settings.plantClock().get()));
        }
        try (TilpassServer server = TilpassServer.start(config)) {
            err.println("bench production: server in-process at " + server.url() + ", temporary data folder " + dataDir
                    + ", planning limit " + settings.planSeconds() + " s"
                    + settings.plantClock()
                            .map(t -> ", the plant's clock from " + t + " (Europe/Oslo)")
                            .orElse(""));
            err.flush();
            return new Run(settings, URI.create(server.url()), server.platform().production(), err, start).measure();
        } finally {
            restore(PLAN_SECONDS, planBefore);
            restore(LOG_LEVEL, logBefore);
            HttpBenchmark.deleteQuietly(dataDir);
        }
    }

    /** One run against one server: the client, the seeded choices and the errors met. */
    private static final class Run {
        private final Settings settings;
        private final URI base;
        private final Production production;
        private final PrintWriter err;
        private final long start;
        private final Random random;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final List<String> firstErrors = new ArrayList<>();
        private long errors;

        Run(Settings settings, URI base, Production production, PrintWriter err, long start) {
            this.settings = settings;
            this.base = base;
            this.production = production;
            this.err = err;
            this.start = start;
            this.random = new Random(settings.seed());
        }

        Outcome measure() {
            try {
                JsonNode first = send("POST", "/api/configurations", productBody());
                if (first == null) {
                    return new Outcome.Failed(
                            "the in-process server did not start a " + PRODUCT + " configuration: " + firstErrors,
                            "Maybe the catalogue in models/ no longer has " + PRODUCT + ".");
                }
                String firmId = first.path("firmId").asText();
                long[] orderNanos = new long[settings.orders()];
                long[] afterNanos = new long[settings.orders() / AFTER_ORDER_EVERY + 1];
                int after = 0;
                JsonNode probe = first;
                int placed = 0;
                int motorised = 0;
                for (int i = 0; i < settings.orders(); i++) {
                    boolean motor = random.nextDouble() < settings.motorisedShare();
                    JsonNode state = configured(motor);
                    int quantity = 1 + random.nextInt(settings.maxQuantity());
                    if (state == null) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    JsonNode order = sendWithKey("/api/orders", orderBody(state, quantity, i));
                    orderNanos[placed] = System.nanoTime() - t0;
                    if (order != null && order.path("production").hasNonNull("promisedDate")) {
                        placed++;
                        if (motor) {
                            motorised++;
                        }
                    } else if (order != null) {
                        error("order " + i + " placed but not released: " + HttpBenchmark.abbreviate(order.toString()));
                    }
                    if (i % AFTER_ORDER_EVERY == 0 && probe != null) {
                        // the first delivery date after the plan changed: the cached view is built again
                        JsonNode width = randomValid(option(probe, "width"));
                        long p0 = System.nanoTime();
                        JsonNode next = set(probe, "width", width);
                        long nanos = System.nanoTime() - p0;
                        if (next != null && next.path("delivery").hasNonNull("earliest")) {
                            afterNanos[after++] = nanos;
                        } else if (next != null) {
                            error("no delivery date right after order " + i);
                        }
                        probe = next;
                    }
                    if ((i + 1) % 50 == 0) {
                        err.printf(
                                Locale.ROOT,
                                "bench production: %d orders, %d placed, last promised %s, %.0f s%n",
                                i + 1,
                                placed,
                                order == null
                                        ? "-"
                                        : order.path("production")
                                                .path("promisedDate")
                                                .asText("-"),
                                (System.nanoTime() - start) / 1e9);
                        err.flush();
                    }
                }
                // the re-plans after the releases run in the background: wait for the last to land
                long q0 = System.nanoTime();
                if (!production.awaitQuietPlans(Duration.ofMinutes(10))) {
                    error("the plan was still being re-planned ten minutes after the last order");
                }
                double settleMillis = (System.nanoTime() - q0) / 1e6;
                Production.Replanned replanned = production.replanned();
                long[] orderTimes = Arrays.copyOf(orderNanos, placed);
                int tenth = Math.max(1, placed / 10);
                double lastTenth = placed == 0
                        ? 0
                        : Arrays.stream(orderTimes, placed - tenth, placed)
                                        .average()
                                        .orElse(0)
                                / 1e6;
                Arrays.sort(orderTimes);
                long[] afterTimes = Arrays.copyOf(afterNanos, after);
                Arrays.sort(afterTimes);

                long[] stepNanos = new long[settings.steps()];
                int steps = 0;
                long workingDays = -1;
                JsonNode state = send("POST", "/api/configurations", productBody());
                for (int i = 0; i < settings.steps() && state != null; i++) {
                    JsonNode width = randomValid(option(state, "width"));
                    long t0 = System.nanoTime();
                    JsonNode next = set(state, "width", width);
                    long nanos = System.nanoTime() - t0;
                    if (next == null) {
                        break;
                    }
                    if (next.path("delivery").hasNonNull("earliest")) {
                        stepNanos[steps++] = nanos;
                        workingDays = next.path("delivery").path("workingDays").asLong();
                    } else {
                        error("no delivery date in the state after a width step: "
                                + HttpBenchmark.abbreviate(next.path("delivery").toString()));
                    }
                    state = next;
                }
                long[] stepTimes = Arrays.copyOf(stepNanos, steps);
                Arrays.sort(stepTimes);

                String item = null;
                long quantity = 0;
                double receiptMillis = 0;
                int covered = 0;
                int movedUp = 0;
                JsonNode stock = send("GET", "/api/firms/" + firmId + "/stock", null);
                if (stock != null) {
                    for (JsonNode article : stock.path("articles")) {
                        if (article.path("short").asLong() > quantity) {
                            quantity = article.path("short").asLong();
                            item = article.path("item").asText();
                        }
                    }
                }
                if (item != null) {
                    ObjectNode body = JSON.createObjectNode();
                    body.put("item", item);
                    body.put("quantity", quantity);
                    body.put("note", "bench production");
                    long t0 = System.nanoTime();
                    JsonNode receipt = sendWithKey("/api/firms/" + firmId + "/stock/receipts", body.toString());
                    receiptMillis = (System.nanoTime() - t0) / 1e6;
                    if (receipt != null) {
                        covered = receipt.path("coveredOrders").size();
                        movedUp = receipt.path("movedUpOrders").size();
                    }
                }
                long t0 = System.nanoTime();
                JsonNode plan = send("GET", "/api/firms/" + firmId + "/plan?days=180", null);
                double planMillis = (System.nanoTime() - t0) / 1e6;

                // a factory closing of the next two days with work after today, then called off
                List<String> closing = busyDays(plan, 2);
                double closingMillis = 0;
                double reopeningMillis = 0;
                Delays closingDelays = Delays.NONE;
                int reopeningMoved = 0;
                if (!closing.isEmpty()) {
                    long c0 = System.nanoTime();
                    JsonNode closed = holidays(firmId, "add", closing);
                    closingMillis = (System.nanoTime() - c0) / 1e6;
                    closingDelays = Delays.of(closed);
                    long r0 = System.nanoTime();
                    JsonNode reopened = holidays(firmId, "remove", closing);
                    reopeningMillis = (System.nanoTime() - r0) / 1e6;
                    if (reopened != null) {
                        reopeningMoved = reopened.path("movedOrders").size();
                    }
                }
                int lateBefore = late(plan);
                JsonNode reopenedPlan = send("GET", "/api/firms/" + firmId + "/plan?days=1", null);
                int lateAfter = late(reopenedPlan);

                // a downtime of eight hours from 07:00 on the first busy day, on the work centre with the most
                // open work that day
                double downtimeMillis = 0;
                Delays downtimeDelays = Delays.NONE;
                String downCentre = busiest(plan, closing.isEmpty() ? null : closing.get(0));
                if (downCentre != null) {
                    ObjectNode body = JSON.createObjectNode();
                    body.put("from", closing.get(0) + "T07:00");
                    body.put("to", closing.get(0) + "T15:00");
                    long d0 = System.nanoTime();
                    JsonNode down = send(
                            "POST",
                            "/api/firms/" + firmId + "/work-centres/" + downCentre + "/downtime",
                            body.toString());
                    downtimeMillis = (System.nanoTime() - d0) / 1e6;
                    downtimeDelays = Delays.of(down);
                }

                // last, so that it changes nothing measured before: one cutting plan of every order not yet cut
                double cuttingMillis = 0;
                long cutPieces = 0;
                JsonNode totals = JSON.createObjectNode();
                long k0 = System.nanoTime();
                JsonNode cutting = send("POST", "/api/firms/" + firmId + "/cutting-plans", "{\"kerfMm\":4}");
                if (cutting != null) {
                    cuttingMillis = (System.nanoTime() - k0) / 1e6;
                    totals = cutting.path("totals");
                    for (JsonNode profile : cutting.path("profiles")) {
                        for (JsonNode bar : profile.path("bars")) {
                            cutPieces += bar.path("cuts").size();
                        }
                    }
                }

                firstErrors.forEach(e -> err.println("bench production: error: " + e));
                return new Outcome.Measured(
                        new ProductionReport(
                                settings.orders(),
                                placed,
                                motorised,
                                HttpBenchmark.percentile(orderTimes, 0.50),
                                HttpBenchmark.percentile(orderTimes, 0.95),
                                HttpBenchmark.percentile(orderTimes, 1.0),
                                lastTenth,
                                settleMillis,
                                replanned.landed(),
                                replanned.dropped(),
                                replanned.underLock(),
                                steps,
                                HttpBenchmark.percentile(stepTimes, 0.50),
                                HttpBenchmark.percentile(stepTimes, 0.95),
                                HttpBenchmark.percentile(stepTimes, 1.0),
                                after,
                                HttpBenchmark.percentile(afterTimes, 0.50),
                                HttpBenchmark.percentile(afterTimes, 0.95),
                                workingDays,
                                item,
                                quantity,
                                receiptMillis,
                                covered,
                                movedUp,
                                planMillis,
                                closing.size(),
                                closingMillis,
                                closingDelays.moved(),
                                closingDelays.late(),
                                closingDelays.maxDaysLate(),
                                closingDelays.daysLate(),
                                reopeningMillis,
                                reopeningMoved,
                                lateBefore,
                                lateAfter,
                                downCentre,
                                downtimeMillis,
                                downtimeDelays.moved(),
                                downtimeDelays.late(),
                                downtimeDelays.maxDaysLate(),
                                downtimeDelays.daysLate(),
                                cuttingMillis,
                                cutPieces,
                                totals.path("newBars").asLong(),
                                totals.path("remnantsUsed").asLong(),
                                totals.path("remnantsKept").asLong(),
                                totals.path("materialMm").asLong(),
                                totals.path("pieceLengthMm").asLong(),
                                errors,
                                (System.nanoTime() - start) / 1e9),
                        firstErrors);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Failed("interrupted", "Maybe run it again.");
            }
        }

        /** {@code PATCH} of firm {@code firmId}'s holidays: {@code key} ("add" or "remove") the {@code dates}. */
        private JsonNode holidays(String firmId, String key, List<String> dates) throws InterruptedException {
            ObjectNode body = JSON.createObjectNode();
            dates.forEach(body.putArray(key)::add);
            return send("PATCH", "/api/firms/" + firmId + "/holidays", body.toString());
        }

        /** The work centre with the most planned minutes starting on {@code day} in {@code plan}, or null. */
        private static String busiest(JsonNode plan, String day) {
            if (plan == null || day == null) {
                return null;
            }
            Map<String, Long> minutes = new java.util.LinkedHashMap<>();
            for (JsonNode o : plan.path("orders")) {
                for (JsonNode op : o.path("operations")) {
                    if (op.path("start").asText("").startsWith(day)) {
                        minutes.merge(
                                op.path("workCentreId").asText(),
                                op.path("minutes").asLong(),
                                Long::sum);
                    }
                }
            }
            return minutes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
        }

        /** The orders of {@code plan} planned to finish after their promised date (0 without a plan). */
        private static int late(JsonNode plan) {
            int late = 0;
            if (plan != null) {
                for (JsonNode o : plan.path("orders")) {
                    late += o.path("late").asBoolean() ? 1 : 0;
                }
            }
            return late;
        }

        /** The first {@code n} days after today on which {@code plan} starts an operation, as dates. */
        private static List<String> busyDays(JsonNode plan, int n) {
            java.util.TreeSet<String> days = new java.util.TreeSet<>();
            if (plan == null) {
                return List.of();
            }
            String today = plan.path("now").asText().substring(0, 10);
            for (JsonNode o : plan.path("orders")) {
                for (JsonNode op : o.path("operations")) {
                    String day = op.path("start").asText("");
                    if (day.length() >= 10 && day.substring(0, 10).compareTo(today) > 0) {
                        days.add(day.substring(0, 10));
                    }
                }
            }
            return days.stream().limit(n).toList();
        }

        /** A complete window of random valid size, with integrated motorised blinds when {@code motor}. */
        private JsonNode configured(boolean motor) throws InterruptedException {
            JsonNode state = send("POST", "/api/configurations", productBody());
            if (motor && state != null) {
                state = set(state, "blinds", JSON.getNodeFactory().textNode("integrated"));
                if (state != null) {
                    state = set(state, "blinds_motor", JSON.getNodeFactory().booleanNode(true));
                }
            }
            for (String dimension : List.of("width", "height")) {
                JsonNode option = state == null ? null : option(state, dimension);
                if (option != null) {
                    state = set(state, dimension, randomValid(option));
                }
            }
            if (state == null) {
                return null;
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("revision", state.path("revision").asInt());
            return send("POST", "/api/configurations/" + state.path("id").asText() + "/complete", body.toString());
        }

        private JsonNode set(JsonNode state, String option, JsonNode value) throws InterruptedException {
            return send(
                    "PUT",
                    "/api/configurations/" + state.path("id").asText() + "/decisions/" + option,
                    decision(state, value));
        }

        /** A uniformly random value of an integer option's valid runs. */
        private JsonNode randomValid(JsonNode option) {
            long count = 0;
            for (JsonNode run : option.path("valid")) {
                count += length(run);
            }
            long pick = (long) (random.nextDouble() * count);
            for (JsonNode run : option.path("valid")) {
                if (pick < length(run)) {
                    return JSON.getNodeFactory()
                            .numberNode(run.path("from").asLong()
                                    + pick * Math.max(1, run.path("step").asLong()));
                }
                pick -= length(run);
            }
            return option.path("value");
        }

        private JsonNode send(String method, String path, String json) throws InterruptedException {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(
                    method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return exchange(method + " " + path, request.build());
        }

        private JsonNode sendWithKey(String path, String json) throws InterruptedException {
            return exchange(
                    "POST " + path,
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build());
        }

        private JsonNode exchange(String what, HttpRequest request) throws InterruptedException {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    error(what + " -> " + response.statusCode() + " " + HttpBenchmark.abbreviate(response.body()));
                    return null;
                }
                return JSON.readTree(response.body());
            } catch (IOException e) {
                error(what + " -> " + e);
                return null;
            }
        }

        private void error(String message) {
            errors++;
            if (firstErrors.size() < 5) {
                firstErrors.add(message);
            }
        }

        private static String productBody() {
            return JSON.createObjectNode().put("productId", PRODUCT).toString();
        }

        private static String decision(JsonNode state, JsonNode value) {
            ObjectNode body = JSON.createObjectNode();
            body.set("value", value);
            body.put("revision", state.path("revision").asInt());
            return body.toString();
        }

        private static String orderBody(JsonNode state, int quantity, int index) {
            ObjectNode body = JSON.createObjectNode();
            body.put("configurationId", state.path("id").asText());
            body.put("revision", state.path("revision").asInt());
            body.put("quantity", quantity);
            body.putObject("customer")
                    .put("name", "Testkunde " + (index + 1))
                    .put("email", "kunde" + (index + 1) + "@example.no");
            return body.toString();
        }
    }

    static JsonNode option(JsonNode state, String name) {
        for (JsonNode option : state.path("options")) {
            if (name.equals(option.path("name").asText())) {
                return option;
            }
        }
        return null;
    }

    private static long length(JsonNode run) {
        long step = Math.max(1, run.path("step").asLong());
        return (run.path("to").asLong() - run.path("from").asLong()) / step + 1;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
