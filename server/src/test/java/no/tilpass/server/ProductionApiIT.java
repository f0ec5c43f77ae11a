package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** From order to production: delivery dates, release, planning, cutting, repair after downtime. */
class ProductionApiIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    static JsonNode order(JsonNode state) {
        return OrderApiIT.placed(client, OrderApiIT.orderBody(state));
    }

    @Test
    void a_configured_window_gets_a_delivery_date_is_released_planned_and_cut() {
        JsonNode state = OrderApiIT.completeWindow(client);
        JsonNode delivery = state.get("delivery");
        assertThat(delivery.isObject()).as(state.toString()).isTrue();
        LocalDate earliest = LocalDate.parse(delivery.get("earliest").asText());
        assertThat(earliest).isAfterOrEqualTo(server.plantNow().toLocalDate());
        assertThat(delivery.get("workingDays").asInt()).isGreaterThanOrEqualTo(0);

        JsonNode order = order(state);
        String id = order.get("id").asText();
        JsonNode production = order.get("production");
        assertThat(production.get("promisedDate").asText())
                .as("the promise is the delivery the state showed, nothing else was ordered in between")
                .isEqualTo(earliest.toString());
        assertThat(client.get("/api/orders/" + id).json().get("production").get("promisedDate"))
                .isEqualTo(production.get("promisedDate"));

        JsonNode po = client.get("/api/orders/" + id + "/production").json();
        assertThat(po.get("bom").findValuesAsText("item")).contains("frame_profile__head", "frame_profile__jamb");
        assertThat(po.get("operations").findValuesAsText("operation")).contains("cut", "profile", "paint", "pack");
        for (JsonNode op : po.get("operations")) {
            assertThat(op.get("start").isTextual()).as(op.toString()).isTrue();
        }
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan").json();
        assertThat(plan.get("orders").findValuesAsText("orderId")).contains(id);

        TestClient.Response cut = client.post("/api/firms/glamdal-vindu/cutting-plans", "{\"kerfMm\":4}");
        assertThat(cut.status()).as(cut.text()).isEqualTo(201);
        List<String> cutItems = new ArrayList<>();
        for (JsonNode profile : cut.json().get("profiles")) {
            for (JsonNode bar : profile.get("bars")) {
                for (JsonNode c : bar.get("cuts")) {
                    if (c.get("orderId").asText().equals(id)) {
                        cutItems.add(c.get("item").asText());
                    }
                }
            }
        }
        long framePieces = po.get("cuts").findValues("item").stream()
                .filter(i -> i.asText().startsWith("frame_profile__"))
                .count();
        assertThat(framePieces).as("head and sill, jambs").isEqualTo(2);
        assertThat(cutItems.stream()
                        .filter(i -> i.startsWith("frame_profile__"))
                        .sorted()
                        .toList())
                .as("the cutting plan cuts the window's four frame pieces, each once")
                .containsExactly(
                        "frame_profile__head", "frame_profile__head", "frame_profile__jamb", "frame_profile__jamb");
        assertThat(client.get("/api/firms/glamdal-vindu/cutting-plans/latest")
                        .json()
                        .get("id"))
                .isEqualTo(cut.json().get("id"));
        assertThat(client.get("/api/orders/" + id + "/production").json().get("cuttingPlanId"))
                .isEqualTo(cut.json().get("id"));
        TestClient.Response again = client.post("/api/firms/glamdal-vindu/cutting-plans", "{}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.error().get("maybe").asText()).startsWith("Maybe");
    }

    @Test
    void concurrent_orders_are_all_planned_without_overlaps_inside_the_calendars() throws Exception {
        List<Callable<TestClient.Response>> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonNode state = OrderApiIT.completeWindow(client);
            orders.add(
                    () -> client.postWithKey("/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(state)));
        }
        List<String> ids = new ArrayList<>();
        for (TestClient.Response r : AtOnce.run(orders)) {
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            ids.add(r.json().get("id").asText());
        }
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(plan.get("orders").findValuesAsText("orderId")).containsAll(ids);
        assertThat(PlanChecker.problems(plan)).isEmpty();
        // and once the re-plans that follow the orders in the background have landed
        client.settle("glamdal-vindu");
        JsonNode replanned =
                client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(replanned.get("orders").findValuesAsText("orderId")).containsAll(ids);
        assertThat(PlanChecker.problems(replanned)).isEmpty();
    }

    @Test
    void downtime_repairs_the_plan_and_lists_the_moved_orders() {
        JsonNode order = order(OrderApiIT.completeWindow(client));
        String id = order.get("id").asText();
        JsonNode ops = client.get("/api/orders/" + id + "/production").json().get("operations");
        JsonNode last = ops.get(ops.size() - 1);
        String centre = last.get("workCentreId").asText();
        String from = last.get("start").asText();
        String to = last.get("end").asText();

        TestClient.Response r = client.post(
                "/api/firms/glamdal-vindu/work-centres/" + centre + "/downtime",
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isIn("repaired", "replanned");
        assertThat(r.json().get("movedOrders").findValuesAsText("orderId")).contains(id);
        for (JsonNode m : r.json().get("movedOrders")) {
            assertThat(m.get("plannedFinish")).isNotEqualTo(m.get("plannedFinishBefore"));
        }
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(PlanChecker.problems(plan)).isEmpty();
        LocalDateTime downFrom = LocalDateTime.parse(from);
        LocalDateTime downTo = LocalDateTime.parse(to);
        for (JsonNode o : plan.get("orders")) {
            for (JsonNode op : o.get("operations")) {
                if (op.get("workCentreId").asText().equals(centre)) {
                    LocalDateTime s = LocalDateTime.parse(op.get("start").asText());
                    LocalDateTime e = LocalDateTime.parse(op.get("end").asText());
                    assertThat(s.isBefore(downTo) && downFrom.isBefore(e))
                            .as(op + " overlaps the downtime")
                            .isFalse();
                }
            }
        }
        TestClient.Response bad =
                client.post("/api/firms/glamdal-vindu/work-centres/" + centre + "/downtime", "{\"from\":\"tomorrow\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().get("maybe").asText()).startsWith("Maybe");
    }

    @ParameterizedTest
    @CsvSource({"exterior_door, glamdal-vindu", "office_chair, hadalen-stol", "fitting_set, hitterdal-metall"})
    void every_shipped_product_gets_a_delivery_date_and_is_released_and_planned_at_its_maker(
            String product, String firm) {
        JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"" + product + "\"}")
                .json();
        TestClient.Response done = client.post(
                "/api/configurations/" + s0.get("id").asText() + "/complete",
                "{\"revision\":" + s0.get("revision").asInt() + "}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        JsonNode state = done.json();
        assertThat(state.get("complete").asBoolean()).isTrue();
        assertThat(state.get("delivery").isObject())
                .as(product + " has a delivery date")
                .isTrue();

        JsonNode order = order(state);
        assertThat(order.get("firmId").asText()).isEqualTo(firm);
        JsonNode po = client.get("/api/orders/" + order.get("id").asText() + "/production")
                .json();
        assertThat(po.get("operations")).as(po.toString()).isNotEmpty();
        for (JsonNode op : po.get("operations")) {
            assertThat(op.get("start").isTextual()).as(op.toString()).isTrue();
        }
        JsonNode plan = client.get("/api/firms/" + firm + "/plan?days=180").json();
        assertThat(plan.get("orders").findValuesAsText("orderId"))
                .contains(order.get("id").asText());
        assertThat(PlanChecker.problems(plan)).isEmpty();
    }

    @Test
    void a_work_list_is_a_pdf() {
        order(OrderApiIT.completeWindow(client));
        TestClient.Response r = client.get("/api/firms/glamdal-vindu/work-centres/saw-1/work-list.pdf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).startsWith("%PDF");
        TestClient.Response planner = client.get("/planner");
        assertThat(planner.status()).isEqualTo(200);
        assertThat(planner.text()).contains("<svg").doesNotContain("Exception");
    }

    @Test
    void the_plan_checker_reports_an_uninterruptible_operation_split_over_unavailable_time() {
        String plan =
                """
                {"now":"2026-12-07T06:00","workCentres":[{"id":"press-1","unavailable":[
                  {"from":"2026-12-07T15:00","to":"2026-12-08T07:00"},
                  {"from":"2026-12-08T09:00","to":"2026-12-08T10:00"}]}],
                 "orders":[{"orderId":"o","operations":[%s]}]}
                """;
        String chunk = "{\"taskId\":\"%s\",\"operation\":\"press\",\"workCentreId\":\"press-1\",\"lane\":1,"
                + "\"minutes\":%d,\"start\":\"%s\",\"end\":\"%s\",\"uninterruptible\":%s,\"lost\":%s}";
        String overNight = chunk.formatted("o/press#1", 60, "2026-12-07T14:00", "2026-12-07T15:00", true, false) + ","
                + chunk.formatted("o/press#2", 60, "2026-12-08T07:00", "2026-12-08T08:00", true, false);
        assertThat(PlanChecker.problems(Json.read(plan.formatted(overNight))))
                .anyMatch(p -> p.contains("does not continue the part before it"))
                .anyMatch(p -> p.contains("is split over unavailable time 2026-12-07T15:00..2026-12-08T07:00"));
        String interruptible = overNight.replace("true", "false");
        assertThat(PlanChecker.problems(Json.read(plan.formatted(interruptible))))
                .as("an interruptible operation may be split")
                .isEmpty();
        String resumed = chunk.formatted("o/press", 120, "2026-12-08T07:00", "2026-12-08T09:00", true, false) + ","
                + chunk.formatted("o/press/resumed@x", 30, "2026-12-08T10:00", "2026-12-08T10:30", true, false);
        assertThat(PlanChecker.problems(Json.read(plan.formatted(resumed))))
                .as("an uninterruptible operation resumed after a downtime")
                .anyMatch(p -> p.contains("is split over unavailable time 2026-12-08T09:00..2026-12-08T10:00"));
        String restarted = chunk.formatted("o/press", 120, "2026-12-08T07:00", "2026-12-08T09:00", true, true) + ","
                + chunk.formatted("o/press/restarted@x", 150, "2026-12-08T10:00", "2026-12-08T12:30", true, false);
        assertThat(PlanChecker.problems(Json.read(plan.formatted(restarted))))
                .as("restarted whole after the downtime, the part done lost")
                .isEmpty();
        String perUnit = "{\"taskId\":\"%s\",\"operation\":\"paint\",\"workCentreId\":\"press-1\",\"lane\":1,"
                + "\"minutes\":%d,\"start\":\"%s\",\"end\":\"%s\",\"uninterruptible\":true,\"lost\":false,"
                + "\"units\":%d,\"unitMinutes\":20}";
        String units = perUnit.formatted("o/paint#1", 70, "2026-12-07T13:50", "2026-12-07T15:00", 2) + ","
                + perUnit.formatted("o/paint#2", 60, "2026-12-08T07:00", "2026-12-08T08:00", 3);
        String quantity = plan.replace("\"orderId\":\"o\",", "\"orderId\":\"o\",\"quantity\":5,");
        assertThat(PlanChecker.problems(Json.read(quantity.formatted(units))))
                .as("uninterruptible per unit: pieces of whole units may lie apart")
                .isEmpty();
        assertThat(PlanChecker.problems(Json.read(quantity.formatted(units.replace("\"units\":3", "\"units\":2")))))
                .anyMatch(p -> p.contains("does not hold whole units"))
                .anyMatch(p -> p.contains("holds 4 units for a quantity of 5"));
        String lostEarly = restarted
                .replace("\"end\":\"2026-12-08T09:00\"", "\"end\":\"2026-12-08T08:30\"")
                .replace("\"minutes\":120", "\"minutes\":90");
        assertThat(PlanChecker.problems(Json.read(plan.formatted(lostEarly))))
                .singleElement()
                .asString()
                .contains("is lost but was not stopped by unavailable time");
    }

    /** An independent checker of a plan as the API shows it. */
    static final class PlanChecker {
        private PlanChecker() {}

        static List<String> problems(JsonNode plan) {
            List<String> problems = new ArrayList<>();
            Map<String, List<LocalDateTime[]>> closed = new LinkedHashMap<>();
            for (JsonNode wc : plan.get("workCentres")) {
                List<LocalDateTime[]> list = new ArrayList<>();
                for (JsonNode u : wc.get("unavailable")) {
                    list.add(new LocalDateTime[] {
                        LocalDateTime.parse(u.get("from").asText()),
                        LocalDateTime.parse(u.get("to").asText())
                    });
                }
                closed.put(wc.get("id").asText(), list);
            }
            Map<String, List<LocalDateTime[]>> byLane = new LinkedHashMap<>();
            for (JsonNode o : plan.get("orders")) {
                problems.addAll(uninterruptibleProblems(
                        o, closed, LocalDateTime.parse(plan.get("now").asText())));
                LocalDateTime previousEnd = null;
                for (JsonNode op : o.get("operations")) {
                    if (op.get("start").isNull()) {
                        problems.add(op + " is not planned");
                        continue;
                    }
                    LocalDateTime s = LocalDateTime.parse(op.get("start").asText());
                    LocalDateTime e = LocalDateTime.parse(op.get("end").asText());
                    if (java.time.Duration.between(s, e).toMinutes()
                            != op.get("minutes").asLong()) {
                        problems.add(op + " does not last its minutes");
                    }
                    if (previousEnd != null && s.isBefore(previousEnd)) {
                        problems.add(op + " starts before the operation before it ends");
                    }
                    previousEnd = e;
                    for (LocalDateTime[] c : closed.get(op.get("workCentreId").asText())) {
                        if (s.isBefore(c[1]) && c[0].isBefore(e)) {
                            problems.add(op + " runs in unavailable time " + c[0] + ".." + c[1]);
                        }
                    }
                    byLane.computeIfAbsent(
                                    op.get("workCentreId").asText() + "#"
                                            + op.get("lane").asInt(),
                                    k -> new ArrayList<>())
                            .add(new LocalDateTime[] {s, e});
                }
            }
            for (Map.Entry<String, List<LocalDateTime[]>> lane : byLane.entrySet()) {
                List<LocalDateTime[]> list = new ArrayList<>(lane.getValue());
                list.sort(Comparator.comparing(a -> a[0]));
                for (int i = 1; i < list.size(); i++) {
                    if (list.get(i)[0].isBefore(list.get(i - 1)[1])) {
                        problems.add("overlap on " + lane.getKey() + " at " + list.get(i)[0]);
                    }
                }
            }
            return problems;
        }

        /**
         * An uninterruptible operation of {@code order} (its rows not marked {@code lost}: chunks, or the run
         * again after a downtime) must lie in one unbroken stretch of open time on one lane: each row starting
         * where the one before ended and no unavailable time between its first start and last end. A {@code
         * lost} row (the part done before a downtime stopped it) must end where unavailable time begins, or
         * in the past ({@code now}), where the plan no longer shows the unavailable time.
         */
        static List<String> uninterruptibleProblems(
                JsonNode order, Map<String, List<LocalDateTime[]>> closed, LocalDateTime now) {
            List<String> problems = new ArrayList<>();
            Map<String, List<JsonNode>> byOperation = new LinkedHashMap<>();
            for (JsonNode op : order.get("operations")) {
                if (op.get("start").isNull()) {
                    continue;
                }
                LocalDateTime e = LocalDateTime.parse(op.get("end").asText());
                List<LocalDateTime[]> down = closed.get(op.get("workCentreId").asText());
                if (op.path("lost").asBoolean()) {
                    if (e.isAfter(now) && down.stream().noneMatch(c -> c[0].equals(e))) {
                        problems.add(op + " is lost but was not stopped by unavailable time");
                    }
                    continue;
                }
                byOperation
                        .computeIfAbsent(op.get("operation").asText(), k -> new ArrayList<>())
                        .add(op);
            }
            for (List<JsonNode> rows : byOperation.values()) {
                if (rows.stream().noneMatch(r -> r.path("uninterruptible").asBoolean())) {
                    continue;
                }
                if (rows.stream().anyMatch(r -> r.hasNonNull("units"))) {
                    problems.addAll(unitProblems(rows, order.path("quantity").asLong()));
                    continue;
                }
                LocalDateTime first =
                        LocalDateTime.parse(rows.get(0).get("start").asText());
                LocalDateTime last = first;
                for (JsonNode r : rows) {
                    LocalDateTime s = LocalDateTime.parse(r.get("start").asText());
                    if (!s.equals(last)
                            || !r.get("workCentreId").equals(rows.get(0).get("workCentreId"))
                            || r.get("lane").asInt() != rows.get(0).get("lane").asInt()) {
                        problems.add("uninterruptible " + r + " does not continue the part before it");
                    }
                    last = LocalDateTime.parse(r.get("end").asText());
                }
                for (LocalDateTime[] c :
                        closed.get(rows.get(0).get("workCentreId").asText())) {
                    if (first.isBefore(c[1]) && c[0].isBefore(last)) {
                        problems.add(
                                "uninterruptible " + rows.get(0).get("taskId").asText() + " is split over"
                                        + " unavailable time " + c[0] + ".." + c[1]);
                    }
                }
            }
            return problems;
        }

        /**
         * The rows (not lost) of an operation uninterruptible per unit: each holds whole units (each row lies
         * in open time by the general check, so no unit is split), only the first holds more minutes than its
         * units (the setup), and together they hold the order's quantity.
         */
        static List<String> unitProblems(List<JsonNode> rows, long quantity) {
            List<String> problems = new ArrayList<>();
            long units = 0;
            for (int k = 0; k < rows.size(); k++) {
                JsonNode r = rows.get(k);
                long n = r.path("units").asLong();
                long unit = r.path("unitMinutes").asLong();
                long minutes = r.get("minutes").asLong();
                if (n < 1 || unit < 1 || minutes < n * unit || (k > 0 && minutes != n * unit)) {
                    problems.add("uninterruptible per unit " + r + " does not hold whole units");
                }
                units += n;
            }
            if (units != quantity) {
                problems.add(
                        "uninterruptible per unit " + rows.get(0).get("taskId").asText() + " holds " + units
                                + " units for a quantity of " + quantity);
            }
            return problems;
        }
    }
}
