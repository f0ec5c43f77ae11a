package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
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
 * Article stock and supplier lead times in release, planning and promised dates, against the bundled
 * stock of Glåmdal Vindu (models/production/glamdal-vindu.properties). Every test reads the stock it
 * starts from, so the order the tests run in does not matter.
 */
class StockApiIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    /** A complete one-sash window with {@code decisions} (option, value pairs) set after width 1000. */
    static JsonNode window(TestClient client, Object... decisions) {
        JsonNode s = client.post("/api/configurations", "{\"productId\":\"casement_window\"}")
                .json();
        s = client.set(s, "width", 1000).json();
        for (int i = 0; i + 1 < decisions.length; i += 2) {
            TestClient.Response r = client.set(s, (String) decisions[i], decisions[i + 1]);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            s = r.json();
        }
        TestClient.Response done = client.post(
                "/api/configurations/" + s.get("id").asText() + "/complete",
                "{\"revision\":" + s.get("revision").asInt() + "}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        return done.json();
    }

    static JsonNode article(TestClient client, String item) {
        TestClient.Response r = client.get("/api/firms/glamdal-vindu/stock");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode a : r.json().get("articles")) {
            if (a.get("item").asText().equals(item)) {
                return a;
            }
        }
        throw new AssertionError("no article " + item + " in " + r.text());
    }

    static JsonNode material(JsonNode productionOrder, String item) {
        for (JsonNode m : productionOrder.get("materials")) {
            if (m.get("item").asText().equals(item)) {
                return m;
            }
        }
        throw new AssertionError("no material " + item + " in " + productionOrder);
    }

    static JsonNode order(TestClient client, JsonNode state, int quantity) {
        return OrderApiIT.placed(client, OrderApiIT.orderBody(state, quantity));
    }

    @Test
    void an_order_covered_by_stock_is_promised_as_shown_and_reserves_the_pieces() {
        JsonNode glass = article(client, "glass_triple");
        JsonNode state = window(client);
        LocalDate earliest =
                LocalDate.parse(state.get("delivery").get("earliest").asText());

        JsonNode order = order(client, state, 2);
        JsonNode po = client.get("/api/orders/" + order.get("id").asText() + "/production")
                .json();

        assertThat(LocalDate.parse(order.get("production").get("promisedDate").asText()))
                .as("stock on hand delays nothing")
                .isBeforeOrEqualTo(earliest);
        assertThat(po.get("materialArrival").isNull()).as(po.toString()).isTrue();
        JsonNode m = material(po, "glass_triple");
        assertThat(m.get("quantity").asLong()).isEqualTo(2);
        assertThat(m.get("reserved").asLong()).isEqualTo(2);
        assertThat(m.get("short").asLong()).isZero();
        assertThat(m.get("expectedArrival").isNull()).isTrue();
        JsonNode after = article(client, "glass_triple");
        assertThat(after.get("available").asLong())
                .isEqualTo(glass.get("available").asLong() - 2);
        assertThat(after.get("reserved").asLong())
                .isEqualTo(glass.get("reserved").asLong() + 2);
        assertThat(after.get("onHand").asLong()).isEqualTo(glass.get("onHand").asLong());
    }

    @Test
    void an_order_short_of_an_article_waits_for_the_supplier_and_shows_the_shortage() {
        JsonNode motor = article(client, "motor");
        int lead = motor.get("leadTimeDays").asInt();
        long available = motor.get("available").asLong();
        LocalDate today = server.plantNow().toLocalDate();
        JsonNode state = window(client, "blinds", "integrated", "blinds_motor", true);
        assertThat(LocalDate.parse(state.get("delivery").get("earliest").asText()))
                .as("capable-to-promise includes the wait for the motor")
                .isAfterOrEqualTo(available >= 1 ? today : today.plusDays(lead));

        JsonNode order = order(client, state, 3);
        String id = order.get("id").asText();
        JsonNode po = client.get("/api/orders/" + id + "/production").json();

        JsonNode m = material(po, "motor");
        long needed = m.get("quantity").asLong();
        assertThat(needed).as("three windows, a motor per sash").isGreaterThanOrEqualTo(3);
        long reserved = Math.min(needed, available);
        assertThat(m.get("reserved").asLong()).as(po.toString()).isEqualTo(reserved);
        assertThat(m.get("short").asLong()).isEqualTo(needed - reserved).isPositive();
        assertThat(LocalDate.parse(m.get("expectedArrival").asText())).isAfterOrEqualTo(today.plusDays(lead));
        assertThat(LocalDate.parse(po.get("materialArrival").asText())).isAfterOrEqualTo(today.plusDays(lead));
        assertThat(LocalDate.parse(order.get("production").get("promisedDate").asText()))
                .isAfterOrEqualTo(today.plusDays(lead));
        for (JsonNode op : po.get("operations")) {
            assertThat(LocalDate.parse(op.get("start").asText().substring(0, 10)))
                    .as("no operation starts before the motors arrive: " + op)
                    .isAfterOrEqualTo(today.plusDays(lead));
        }
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        for (JsonNode o : plan.get("orders")) {
            if (o.get("orderId").asText().equals(id)) {
                assertThat(o.get("shortMaterials").toString()).contains("motor");
            }
        }
        assertThat(ProductionApiIT.PlanChecker.problems(plan)).isEmpty();
    }

    @Test
    void a_delivery_set_by_a_short_article_names_the_article_the_pieces_short_and_their_arrival() {
        JsonNode motor = article(client, "motor");
        assertThat(motor.get("available").asLong())
                .as("the bundled stock has no motors")
                .isZero();
        LocalDate arrival = server.plantNow()
                .toLocalDate()
                .plusDays(motor.get("leadTimeDays").asInt());

        JsonNode waiting = window(client, "sashes", 1, "blinds", "integrated", "blinds_motor", true)
                .get("delivery");
        JsonNode plain = window(client).get("delivery");

        JsonNode wait = waiting.get("materialWait");
        assertThat(wait.isObject()).as(waiting.toString()).isTrue();
        assertThat(wait.get("item").asText()).isEqualTo("motor");
        assertThat(wait.get("short").asLong()).as("one sash, one motor").isEqualTo(1);
        assertThat(wait.get("arrival").asText()).isEqualTo(arrival.toString());
        assertThat(LocalDate.parse(waiting.get("earliest").asText())).isAfterOrEqualTo(arrival);
        assertThat(plain.get("materialWait").isNull())
                .as("a window built from stock waits for capacity only: " + plain)
                .isTrue();
    }

    @Test
    void two_concurrent_orders_for_the_last_pieces_get_them_once() throws Exception {
        JsonNode screen = article(client, "screen");
        long available = screen.get("available").asLong();
        assertThat(available).as("the bundled stock has insect screens").isPositive();
        JsonNode a = window(client, "insect_screen", true);
        // each order is for as many windows as screens are left, so each needs at least all of them
        JsonNode b = window(client, "insect_screen", true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestClient.Response>> answers = new ArrayList<>();
        try {
            for (JsonNode s : List.of(a, b)) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.postWithKey(
                            "/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(s, (int) available));
                }));
            }
            go.countDown();
            List<JsonNode> screens = new ArrayList<>();
            for (Future<TestClient.Response> f : answers) {
                TestClient.Response r = f.get();
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                JsonNode po = client.get("/api/orders/" + r.json().get("id").asText() + "/production")
                        .json();
                screens.add(material(po, "screen"));
            }
            assertThat(screens.stream().mapToLong(m -> m.get("reserved").asLong()))
                    .as("one order gets the last screens, the other is short: " + screens)
                    .containsExactlyInAnyOrder(available, 0L);
            long needed = screens.get(0).get("quantity").asLong();
            assertThat(needed).as("each order needs at least the screens left").isGreaterThanOrEqualTo(available);
            assertThat(screens.stream().mapToLong(m -> m.get("short").asLong()))
                    .containsExactlyInAnyOrder(needed - available, needed);
            JsonNode after = article(client, "screen");
            assertThat(after.get("available").asLong()).isZero();
            assertThat(after.get("reserved").asLong())
                    .isEqualTo(after.get("onHand").asLong());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void every_article_carries_its_bom_description_and_the_pieces_released_orders_still_wait_for() {
        JsonNode motor = article(client, "motor");
        assertThat(motor.get("description").asText()).isEqualTo("Blinds motor");
        assertThat(article(client, "glass_triple").get("description").asText())
                .isEqualTo("Insulated glass unit, 3 panes");
        assertThat(article(client, "handle").get("description").asText())
                .as("the window's own BOM line wins over its fitting set's 'Handle'")
                .isEqualTo("Handle from the fitting set");
        JsonNode state = window(client, "sashes", 1, "blinds", "integrated", "blinds_motor", true);

        JsonNode order = order(client, state, 2);
        JsonNode po = client.get("/api/orders/" + order.get("id").asText() + "/production")
                .json();

        long shortNow = material(po, "motor").get("short").asLong();
        assertThat(shortNow).as("the bundled stock has no motors: " + po).isEqualTo(2);
        assertThat(article(client, "motor").get("short").asLong())
                .as("the motors this order waits for add to those earlier orders wait for")
                .isEqualTo(motor.get("short").asLong() + shortNow);
        JsonNode handle = material(po, "handle");
        assertThat(handle.get("reserved").asLong())
                .as("handles come from stock: " + po)
                .isPositive();
        assertThat(handle.get("short").asLong()).isZero();
        assertThat(article(client, "handle").get("short").asLong())
                .as("no order waits for handles")
                .isZero();
        for (String firm : List.of("glamdal-vindu", "hadalen-stol", "hitterdal-metall")) {
            for (JsonNode a : client.get("/api/firms/" + firm + "/stock").json().get("articles")) {
                assertThat(a.get("description").asText()).as(firm + ": " + a).isNotBlank();
                assertThat(a.get("short").asLong()).as(firm + ": " + a).isNotNegative();
            }
        }
    }

    @Test
    void the_stock_of_a_firm_without_production_data_is_not_found() {
        TestClient.Response r = client.get("/api/firms/no-such-firm/stock");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error().get("maybe").asText()).startsWith("Maybe");
    }
}
