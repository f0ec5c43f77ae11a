package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilpass.server.production.Production;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped door presses its leaves in one uninterruptible operation: it is planned as one piece in one
 * stretch of open time (not split into four-hour chunks over a night), and a downtime that stops it while it
 * runs means it runs again whole after the downtime, the part done lost (D20 amended). The shipped window
 * paints each frame in one unbroken stretch ({@code uninterruptible per_unit}): a stop loses only the frame
 * it cuts. As in {@link
 * DowntimeInterruptIT}, a second {@link Production} on a fixed clock inside the operation reports the
 * downtime.
 */
class UninterruptibleRestartIT {

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    private static JsonNode door() {
        JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"exterior_door\"}")
                .json();
        TestClient.Response done = client.post(
                "/api/configurations/" + s0.get("id").asText() + "/complete",
                "{\"revision\":" + s0.get("revision").asInt() + "}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        return done.json();
    }

    private static List<JsonNode> operations(JsonNode plan, String orderId) {
        List<JsonNode> ops = new ArrayList<>();
        for (JsonNode o : plan.get("orders")) {
            if (o.get("orderId").asText().equals(orderId)) {
                o.get("operations").forEach(ops::add);
            }
        }
        return ops;
    }

    /** The operations of {@code orderId} in the plan {@code at} shows, after the plan checker found nothing. */
    private static List<JsonNode> checkedOperations(Production at, String orderId) {
        JsonNode plan = Json.mapper().valueToTree(at.plan("glamdal-vindu", 21));
        assertThat(ProductionApiIT.PlanChecker.problems(plan))
                .as(plan.toString())
                .isEmpty();
        return operations(plan, orderId);
    }

    private static int indexOf(List<JsonNode> ops, String taskId) {
        int k = 0;
        while (!ops.get(k).get("taskId").asText().equals(taskId)) {
            k++;
        }
        return k;
    }

    @Test
    void an_order_whose_uninterruptible_operation_fits_no_stretch_of_open_time_is_refused_with_the_numbers() {
        // 24 leaves take at least 15 + 24 * 20 = 495 minutes in the press, open 07:00-15:00 (480 minutes)
        TestClient.Response r =
                client.postWithKey("/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(door(), 24));

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.error().get("code").asText()).isEqualTo("not_producible");
        assertThat(r.error().get("message").asText())
                .startsWith("the order cannot be produced: operation 'press' is uninterruptible and takes ")
                .endsWith("minutes for 24 units, but the longest stretch of open time of work-centre type 'press'"
                        + " at Glåmdal Vindu AS is 480 minutes");
        assertThat(r.error().get("maybe").asText())
                .startsWith("Maybe order at most ")
                .contains(" units at a time (2 orders for 24), or give a work centre of type 'press' a longer shift");
        assertThat(r.error().get("field").asText()).isEqualTo("quantity");
    }

    @Test
    void a_running_uninterruptible_operation_stopped_by_a_downtime_runs_again_whole_after_it() {
        String orderId = StockApiIT.order(client, door(), 12).get("id").asText();
        JsonNode po = client.get("/api/orders/" + orderId + "/production").json();
        List<JsonNode> presses = new ArrayList<>();
        po.get("operations").forEach(op -> {
            if (op.get("operation").asText().equals("press")) {
                presses.add(op);
            }
        });
        assertThat(presses)
                .as("one piece, although longer than a four-hour chunk: " + po)
                .hasSize(1);
        JsonNode press = presses.get(0);
        long minutes = press.get("minutes").asLong();
        assertThat(minutes).isGreaterThan(240);
        assertThat(press.get("uninterruptible").asBoolean()).isTrue();
        assertThat(press.get("lost").asBoolean()).isFalse();
        JsonNode before = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(ProductionApiIT.PlanChecker.problems(before))
                .as(before.toString())
                .isEmpty();

        LocalDateTime s = LocalDateTime.parse(press.get("start").asText());
        LocalDateTime now = s.plusMinutes(minutes / 2);
        Production at = server.productionAt(now);
        String centre = press.get("workCentreId").asText();

        Map<String, Object> repair = at.downtime("glamdal-vindu", centre, now, now.plusHours(2));

        assertThat(repair)
                .containsEntry("restartedOperations", 1)
                .containsEntry("interruptedOperations", 0)
                .containsEntry("lostMinutes", minutes / 2);
        List<JsonNode> ops = checkedOperations(at, orderId);
        int k = indexOf(ops, press.get("taskId").asText());
        JsonNode lost = ops.get(k);
        JsonNode again = ops.get(k + 1);
        assertThat(lost.get("start").asText()).isEqualTo(s.toString());
        assertThat(lost.get("end").asText()).as("stopped by the downtime").isEqualTo(now.toString());
        assertThat(lost.get("minutes").asLong()).isEqualTo(minutes / 2);
        assertThat(lost.get("lost").asBoolean()).as("its work is lost").isTrue();
        assertThat(again.get("taskId").asText()).isEqualTo(press.get("taskId").asText() + "/restarted@" + now);
        assertThat(again.get("minutes").asLong())
                .as("runs again whole, setup included")
                .isEqualTo(minutes);
        assertThat(again.get("uninterruptible").asBoolean()).isTrue();
        assertThat(again.get("lost").asBoolean()).isFalse();
        assertThat(again.get("workCentreId").asText()).isEqualTo(centre);
        assertThat(LocalDateTime.parse(again.get("start").asText()))
                .as("after the downtime")
                .isAfterOrEqualTo(now.plusHours(2));
        assertThat(Duration.between(
                                LocalDateTime.parse(again.get("start").asText()),
                                LocalDateTime.parse(again.get("end").asText()))
                        .toMinutes())
                .isEqualTo(minutes);

        // A process whose clock is still before the order began (another server, D22) releases an order:
        // its re-plan keeps the lost part and everything before it where they ran.
        Production behind = server.productionAt(
                LocalDateTime.parse(ops.get(0).get("start").asText()).minusMinutes(1));
        server.server()
                .platform()
                .orders()
                .place(UUID.randomUUID().toString(), Json.readObject(OrderApiIT.orderBody(door(), 1)));
        assertThat(behind.releasePending("glamdal-vindu")).isEqualTo(1);
        List<JsonNode> replanned = checkedOperations(behind, orderId);
        for (int i = 0; i <= k; i++) {
            assertThat(replanned.get(i).get("taskId").asText())
                    .isEqualTo(ops.get(i).get("taskId").asText());
            assertThat(replanned.get(i).get("start").asText())
                    .as("done before the stop: " + ops.get(i))
                    .isEqualTo(ops.get(i).get("start").asText());
            assertThat(replanned.get(i).get("end").asText())
                    .isEqualTo(ops.get(i).get("end").asText());
        }
    }

    /** An order of 30 windows and the first piece of its paint, after checking the pieces and the plan. */
    private record Painting(String orderId, JsonNode first) {}

    private static Painting thirtyWindows() {
        // the window's paint is uninterruptible per unit: 30 frames are planned as pieces of whole frames
        String orderId = StockApiIT.order(client, StockApiIT.window(client), 30)
                .get("id")
                .asText();
        JsonNode po = client.get("/api/orders/" + orderId + "/production").json();
        List<JsonNode> paints = new ArrayList<>();
        po.get("operations").forEach(op -> {
            if (op.get("operation").asText().equals("paint")) {
                paints.add(op);
            }
        });
        assertThat(paints).as(po.toString()).hasSizeGreaterThan(1);
        assertThat(paints).allSatisfy(p -> {
            assertThat(p.get("uninterruptible").asBoolean()).isTrue();
            assertThat(p.get("units").asLong()).isPositive();
        });
        assertThat(paints.stream().mapToLong(p -> p.get("units").asLong()).sum())
                .isEqualTo(30);
        JsonNode first = paints.get(0);
        long unit = first.get("unitMinutes").asLong();
        long units = first.get("units").asLong();
        long lead = first.get("minutes").asLong() - units * unit;
        assertThat(lead).as("the paint line's setup").isEqualTo(30);
        assertThat(units).isGreaterThanOrEqualTo(4);
        JsonNode before = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(ProductionApiIT.PlanChecker.problems(before))
                .as(before.toString())
                .isEmpty();
        return new Painting(orderId, first);
    }

    @Test
    void a_window_paint_stopped_by_a_downtime_keeps_its_whole_units_and_paints_only_the_cut_one_again() {
        Painting painting = thirtyWindows();
        String orderId = painting.orderId();
        JsonNode first = painting.first();
        long unit = first.get("unitMinutes").asLong();
        long units = first.get("units").asLong();
        long lead = first.get("minutes").asLong() - units * unit;

        // stopped halfway through the fourth frame
        LocalDateTime s = LocalDateTime.parse(first.get("start").asText());
        long cut = unit / 2;
        LocalDateTime now = s.plusMinutes(lead + 3 * unit + cut);
        Production at = server.productionAt(now);
        String centre = first.get("workCentreId").asText();

        Map<String, Object> repair = at.downtime("glamdal-vindu", centre, now, now.plusHours(2));

        assertThat(repair)
                .containsEntry("restartedOperations", 1)
                .containsEntry("interruptedOperations", 0)
                .containsEntry("lostMinutes", cut);
        List<JsonNode> ops = checkedOperations(at, orderId);
        int k = indexOf(ops, first.get("taskId").asText());
        JsonNode kept = ops.get(k);
        JsonNode lost = ops.get(k + 1);
        JsonNode rest = ops.get(k + 2);
        assertThat(kept.get("units").asLong()).as("three frames painted").isEqualTo(3);
        assertThat(kept.get("minutes").asLong()).isEqualTo(lead + 3 * unit);
        assertThat(kept.get("lost").asBoolean()).isFalse();
        assertThat(lost.get("taskId").asText()).isEqualTo(first.get("taskId").asText() + "/lost@" + now);
        assertThat(lost.get("lost").asBoolean())
                .as("the fourth frame's coat is lost")
                .isTrue();
        assertThat(lost.get("minutes").asLong()).isEqualTo(cut);
        assertThat(lost.get("end").asText()).isEqualTo(now.toString());
        assertThat(lost.get("units").isNull()).isTrue();
        assertThat(rest.get("taskId").asText()).isEqualTo(first.get("taskId").asText() + "/resumed@" + now);
        assertThat(rest.get("units").asLong())
                .as("the cut frame again, and the frames not begun")
                .isEqualTo(units - 3);
        assertThat(rest.get("minutes").asLong()).as("no second setup").isEqualTo((units - 3) * unit);
        assertThat(rest.get("uninterruptible").asBoolean()).isTrue();
        assertThat(LocalDateTime.parse(rest.get("start").asText()))
                .as("after the downtime")
                .isAfterOrEqualTo(now.plusHours(2));
    }

    @Test
    void a_window_paint_stopped_in_its_first_frame_runs_again_whole_with_its_setup() {
        Painting painting = thirtyWindows();
        JsonNode first = painting.first();
        long unit = first.get("unitMinutes").asLong();
        long minutes = first.get("minutes").asLong();
        long lead = minutes - first.get("units").asLong() * unit;
        LocalDateTime s = LocalDateTime.parse(first.get("start").asText());
        LocalDateTime now = s.plusMinutes(lead + unit / 2);
        Production at = server.productionAt(now);

        Map<String, Object> repair =
                at.downtime("glamdal-vindu", first.get("workCentreId").asText(), now, now.plusHours(2));

        assertThat(repair)
                .containsEntry("restartedOperations", 1)
                .containsEntry("interruptedOperations", 0)
                .containsEntry("lostMinutes", lead + unit / 2);
        List<JsonNode> ops = checkedOperations(at, painting.orderId());
        int k = indexOf(ops, first.get("taskId").asText());
        JsonNode lost = ops.get(k);
        JsonNode again = ops.get(k + 1);
        assertThat(lost.get("lost").asBoolean()).isTrue();
        assertThat(lost.get("minutes").asLong()).isEqualTo(lead + unit / 2);
        assertThat(lost.get("units").isNull()).as("a lost part holds no units").isTrue();
        assertThat(again.get("taskId").asText()).isEqualTo(first.get("taskId").asText() + "/restarted@" + now);
        assertThat(again.get("minutes").asLong())
                .as("the whole piece, setup included")
                .isEqualTo(minutes);
        assertThat(again.get("units").asLong()).isEqualTo(first.get("units").asLong());
        assertThat(again.get("unitMinutes").asLong()).isEqualTo(unit);
    }
}
