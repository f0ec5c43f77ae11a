package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Goods receipts and the stock movement ledger: a receipt raises on-hand stock, covers the shortage of the
 * orders waiting for the article and lets them be planned before the supplier's lead time; bad receipts
 * are refused with the field and a Maybe line; a firm never sees or changes another firm's stock.
 */
class GoodsReceiptApiIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    static String receipt(String item, Object quantity, String note) {
        return "{\"item\":\"" + item + "\",\"quantity\":" + quantity
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    static JsonNode article(String firmId, String item) {
        for (JsonNode a : client.get("/api/firms/" + firmId + "/stock").json().get("articles")) {
            if (a.get("item").asText().equals(item)) {
                return a;
            }
        }
        throw new AssertionError("no article " + item + " at " + firmId);
    }

    @Test
    void a_receipt_covering_a_shortage_lets_the_waiting_order_start_before_the_supplier_lead_time() {
        JsonNode motor = article("glamdal-vindu", "motor");
        int lead = motor.get("leadTimeDays").asInt();
        LocalDate today = server.plantNow().toLocalDate();
        JsonNode state = StockApiIT.window(client, "blinds", "integrated", "blinds_motor", true);
        JsonNode order = StockApiIT.order(client, state, 2);
        String orderId = order.get("id").asText();
        JsonNode waiting = client.get("/api/orders/" + orderId + "/production").json();
        long short0 = StockApiIT.material(waiting, "motor").get("short").asLong();
        assertThat(short0)
                .as("the bundled stock has no free motors: " + waiting)
                .isPositive();
        assertThat(LocalDate.parse(waiting.get("plannedFinish").asText().substring(0, 10)))
                .isAfterOrEqualTo(today.plusDays(lead));
        String key = UUID.randomUUID().toString();
        String body = receipt("motor", short0 + 1, "delivery 4711");

        TestClient.Response r = client.postWithKey("/api/firms/glamdal-vindu/stock/receipts", key, body);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode receipt = r.json();
        assertThat(receipt.get("article").get("onHand").asLong())
                .isEqualTo(motor.get("onHand").asLong() + short0 + 1);
        JsonNode covered = null;
        for (JsonNode c : receipt.get("coveredOrders")) {
            if (c.get("orderId").asText().equals(orderId)) {
                covered = c;
            }
        }
        assertThat(covered).as(receipt.toString()).isNotNull();
        assertThat(covered.get("reserved").asLong()).isEqualTo(short0);
        assertThat(covered.get("stillShort").asLong()).isZero();
        assertThat(covered.get("materialArrival").isNull()).isTrue();
        JsonNode po = client.get("/api/orders/" + orderId + "/production").json();
        assertThat(po.get("materialArrival").isNull()).as(po.toString()).isTrue();
        JsonNode m = StockApiIT.material(po, "motor");
        assertThat(m.get("short").asLong()).isZero();
        assertThat(m.get("reserved").asLong()).isEqualTo(m.get("quantity").asLong());
        assertThat(m.get("expectedArrival").isNull()).isTrue();
        assertThat(LocalDateTime.parse(po.get("plannedFinish").asText()))
                .as("the order no longer waits %d days for the supplier: %s", lead, po)
                .isBefore(today.plusDays(lead).atStartOfDay());
        assertThat(covered.get("plannedFinish").asText())
                .isEqualTo(po.get("plannedFinish").asText());
        assertThat(po.get("promisedDate").asText())
                .as("the promise to the customer stays")
                .isEqualTo(waiting.get("promisedDate").asText());
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(ProductionApiIT.PlanChecker.problems(plan)).isEmpty();
        for (JsonNode o : plan.get("orders")) {
            if (o.get("orderId").asText().equals(orderId)) {
                assertThat(o.get("shortMaterials").toString()).doesNotContain("motor");
            }
        }
        JsonNode movements = client.get("/api/firms/glamdal-vindu/stock/movements?limit=2")
                .json()
                .get("movements");
        assertThat(movements).hasSize(2);
        assertThat(movements.get(0).get("kind").asText()).isEqualTo("reservation");
        assertThat(movements.get(0).get("orderId").asText()).isEqualTo(orderId);
        assertThat(movements.get(0).get("quantity").asLong()).isEqualTo(short0);
        assertThat(movements.get(1).get("kind").asText()).isEqualTo("receipt");
        assertThat(movements.get(1).get("quantity").asLong()).isEqualTo(short0 + 1);
        assertThat(movements.get(1).get("note").asText()).isEqualTo("delivery 4711");
        assertThat(movements.get(1).get("receiptId").asText())
                .isEqualTo(receipt.get("id").asText());
        assertThat(movements.get(0).get("id").asLong())
                .isGreaterThan(movements.get(1).get("id").asLong());

        TestClient.Response again = client.postWithKey("/api/firms/glamdal-vindu/stock/receipts", key, body);
        TestClient.Response different = client.postWithKey(
                "/api/firms/glamdal-vindu/stock/receipts", key, receipt("motor", short0 + 2, "delivery 4711"));

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(receipt);
        assertThat(different.status()).as(different.text()).isEqualTo(422);
        assertThat(different.error().get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(different.error().get("message").asText()).contains(key).contains("quantity");
        assertThat(article("glamdal-vindu", "motor").get("onHand").asLong())
                .as("a retry books nothing twice")
                .isEqualTo(receipt.get("article").get("onHand").asLong());
    }

    @Test
    void the_stock_shows_the_pieces_waiting_orders_are_short_until_receipts_cover_them() {
        JsonNode screen = article("glamdal-vindu", "screen");
        long free = screen.get("available").asLong();
        long shortBefore = screen.get("short").asLong();
        assertThat(screen.get("description").asText()).isEqualTo("Insect screen");
        JsonNode state = StockApiIT.window(client, "sashes", 1, "insect_screen", true);
        JsonNode order = StockApiIT.order(client, state, (int) free + 3);
        JsonNode po = client.get("/api/orders/" + order.get("id").asText() + "/production")
                .json();
        long orderShort = StockApiIT.material(po, "screen").get("short").asLong();
        assertThat(orderShort).as("a screen per window, %d free: %s", free, po).isEqualTo(3);
        long waiting = shortBefore + orderShort;
        assertThat(article("glamdal-vindu", "screen").get("short").asLong()).isEqualTo(waiting);

        TestClient.Response part = client.postWithKey(
                "/api/firms/glamdal-vindu/stock/receipts", UUID.randomUUID().toString(), receipt("screen", 2, null));
        assertThat(part.status()).as(part.text()).isEqualTo(201);
        JsonNode partly = article("glamdal-vindu", "screen");
        TestClient.Response rest = client.postWithKey(
                "/api/firms/glamdal-vindu/stock/receipts",
                UUID.randomUUID().toString(),
                receipt("screen", waiting - 2 + 1, null));
        assertThat(rest.status()).as(rest.text()).isEqualTo(201);
        JsonNode covered = article("glamdal-vindu", "screen");

        assertThat(partly.get("short").asLong()).as(partly.toString()).isEqualTo(waiting - 2);
        assertThat(partly.get("available").asLong()).isZero();
        assertThat(covered.get("short").asLong()).as(covered.toString()).isZero();
        assertThat(covered.get("available").asLong())
                .as("one piece more than was short")
                .isEqualTo(1);
        assertThat(StockApiIT.material(
                                client.get("/api/orders/" + order.get("id").asText() + "/production")
                                        .json(),
                                "screen")
                        .get("short")
                        .asLong())
                .isZero();
    }

    @Test
    void bad_receipts_are_refused_with_the_field_and_a_maybe_line_and_change_nothing() {
        JsonNode before = client.get("/api/firms/glamdal-vindu/stock").json();
        JsonNode hides = article("hadalen-stol", "leather_hide");
        String path = "/api/firms/glamdal-vindu/stock/receipts";

        TestClient.Response misspelt =
                client.postWithKey(path, UUID.randomUUID().toString(), receipt("motr", 5, null));
        TestClient.Response otherFirms =
                client.postWithKey(path, UUID.randomUUID().toString(), receipt("leather_hide", 5, null));
        TestClient.Response zero = client.postWithKey(path, UUID.randomUUID().toString(), receipt("motor", 0, null));
        TestClient.Response negative =
                client.postWithKey(path, UUID.randomUUID().toString(), receipt("motor", -3, null));
        TestClient.Response text =
                client.postWithKey(path, UUID.randomUUID().toString(), receipt("motor", "\"5\"", null));
        TestClient.Response noKey = client.post(path, receipt("motor", 5, null));
        TestClient.Response noFirm = client.postWithKey(
                "/api/firms/no-such-firm/stock/receipts", UUID.randomUUID().toString(), receipt("motor", 5, null));

        assertThat(misspelt.status()).as(misspelt.text()).isEqualTo(422);
        assertThat(misspelt.error().get("code").asText()).isEqualTo("unknown_item");
        assertThat(misspelt.error().get("field").asText()).isEqualTo("item");
        assertThat(misspelt.error().get("maybe").asText()).startsWith("Maybe").contains("motor");
        assertThat(otherFirms.status()).as(otherFirms.text()).isEqualTo(422);
        assertThat(otherFirms.error().get("code").asText()).isEqualTo("unknown_item");
        assertThat(otherFirms.error().get("message").asText()).contains("glamdal-vindu");
        for (TestClient.Response r : List.of(zero, negative)) {
            assertThat(r.status()).as(r.text()).isEqualTo(422);
            assertThat(r.error().get("field").asText()).isEqualTo("quantity");
            assertThat(r.error().get("maybe").asText()).startsWith("Maybe receive at least 1 piece");
        }
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.error().get("field").asText()).isEqualTo("quantity");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.error().get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(noFirm.status()).isEqualTo(404);
        assertThat(client.get("/api/firms/glamdal-vindu/stock").json()).isEqualTo(before);
        assertThat(article("hadalen-stol", "leather_hide")).isEqualTo(hides);
    }

    @Test
    void concurrent_submissions_of_one_receipt_book_it_once() throws Exception {
        long before = article("glamdal-vindu", "handle").get("onHand").asLong();
        String key = UUID.randomUUID().toString();
        String body = receipt("handle", 12, null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.postWithKey("/api/firms/glamdal-vindu/stock/receipts", key, body);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<TestClient.Response> f : answers) {
                TestClient.Response r = f.get();
                statuses.add(r.status());
                ids.add(r.json().path("id").asText());
            }

            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids.stream().distinct()).hasSize(1);
            assertThat(article("glamdal-vindu", "handle").get("onHand").asLong())
                    .isEqualTo(before + 12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_firm_never_sees_another_firms_receipts_or_movements() {
        JsonNode hides = article("hadalen-stol", "leather_hide");
        TestClient.Response r = client.postWithKey(
                "/api/firms/hadalen-stol/stock/receipts",
                UUID.randomUUID().toString(),
                receipt("leather_hide", 4, null));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String receiptId = r.json().get("id").asText();

        JsonNode own = client.get("/api/firms/hadalen-stol/stock/movements?item=leather_hide&limit=500")
                .json();
        JsonNode other =
                client.get("/api/firms/glamdal-vindu/stock/movements?limit=500").json();

        assertThat(own.get("movements").findValuesAsText("receiptId")).contains(receiptId);
        assertThat(own.get("movements").findValuesAsText("item")).containsOnly("leather_hide");
        assertThat(other.get("movements").findValuesAsText("receiptId")).doesNotContain(receiptId);
        assertThat(other.get("movements").findValuesAsText("item")).doesNotContain("leather_hide");
        assertThat(article("hadalen-stol", "leather_hide").get("onHand").asLong())
                .isEqualTo(hides.get("onHand").asLong() + 4);
        assertThat(client.get("/api/firms/no-such-firm/stock/movements").status())
                .isEqualTo(404);
    }
}
