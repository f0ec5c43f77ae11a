package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A goods receipt that pulls a waiting order forward frees the time it was planned in: the orders queued
 * behind it move up into that time, never before their own material arrives, and orders that finish
 * before it are not touched. A server of its own, so no other test's orders or receipts share its stock.
 */
class GoodsReceiptMoveUpIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    static JsonNode production(String orderId) {
        return client.get("/api/orders/" + orderId + "/production").json();
    }

    static JsonNode entry(JsonNode list, String orderId) {
        for (JsonNode e : list) {
            if (e.get("orderId").asText().equals(orderId)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void a_receipt_lets_the_order_queued_behind_the_covered_one_move_up_but_not_before_its_own_material() {
        String early =
                StockApiIT.order(client, StockApiIT.window(client), 1).get("id").asText();
        JsonNode motorised = StockApiIT.window(client, "blinds", "integrated", "blinds_motor", true);
        String first = StockApiIT.order(client, motorised, 20).get("id").asText();
        String behind = StockApiIT.order(client, motorised, 20).get("id").asText();
        JsonNode earlyBefore = production(early);
        JsonNode behindBefore = production(behind);
        long firstShort =
                StockApiIT.material(production(first), "motor").get("short").asLong();
        assertThat(firstShort).isEqualTo(40);
        assertThat(StockApiIT.material(behindBefore, "motor").get("short").asLong())
                .as("both motorised orders wait for the supplier")
                .isEqualTo(40);

        TestClient.Response r = client.postWithKey(
                "/api/firms/glamdal-vindu/stock/receipts",
                UUID.randomUUID().toString(),
                GoodsReceiptApiIT.receipt("motor", firstShort, "part delivery"));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode covered = entry(r.json().get("coveredOrders"), first);
        assertThat(covered).as(r.text()).isNotNull();
        assertThat(LocalDateTime.parse(covered.get("plannedFinish").asText()))
                .isBefore(LocalDateTime.parse(covered.get("plannedFinishBefore").asText()));
        assertThat(entry(r.json().get("coveredOrders"), behind))
                .as("nothing was left to cover the order behind")
                .isNull();
        JsonNode moved = entry(r.json().get("movedUpOrders"), behind);
        assertThat(moved).as(r.text()).isNotNull();
        assertThat(moved.get("plannedFinishBefore").asText())
                .isEqualTo(behindBefore.get("plannedFinish").asText());
        JsonNode behindAfter = production(behind);
        assertThat(moved.get("plannedFinish").asText())
                .isEqualTo(behindAfter.get("plannedFinish").asText());
        assertThat(LocalDateTime.parse(behindAfter.get("plannedFinish").asText()))
                .as("the order behind moved up into the freed time: %s", behindAfter)
                .isBefore(LocalDateTime.parse(behindBefore.get("plannedFinish").asText()));
        LocalDate arrival = LocalDate.parse(behindAfter.get("materialArrival").asText());
        assertThat(arrival)
                .isEqualTo(LocalDate.parse(behindBefore.get("materialArrival").asText()));
        for (JsonNode op : behindAfter.get("operations")) {
            assertThat(LocalDateTime.parse(op.get("start").asText()))
                    .as("still short of motors, so nothing starts before they arrive: %s", op)
                    .isAfterOrEqualTo(arrival.atStartOfDay());
        }
        assertThat(behindAfter.get("promisedDate").asText())
                .as("the promise to the customer stays")
                .isEqualTo(behindBefore.get("promisedDate").asText());
        assertThat(entry(r.json().get("movedUpOrders"), early)).as(r.text()).isNull();
        assertThat(production(early).get("operations"))
                .as("an order that finishes before the freed time is not touched")
                .isEqualTo(earlyBefore.get("operations"));
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(ProductionApiIT.PlanChecker.problems(plan)).isEmpty();
    }
}
