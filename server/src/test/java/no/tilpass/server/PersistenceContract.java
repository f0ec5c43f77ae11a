package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the database must keep, run against each database the platform supports (H2 and PostgreSQL):
 * saved configurations, shares, orders and published versions survive a stop and start; seeding is
 * idempotent; concurrent duplicate orders leave exactly one row.
 */
abstract class PersistenceContract {
    /** A fresh server on this contract's database for every test; {@code restart()} stops and starts it. */
    @RegisterExtension
    final ServerUnderTest server = ServerUnderTest.perTest().withConfig(this::config);

    final TestClient client = server.client();

    /** The configuration of a server on this contract's database, with its data folder in {@code dir}. */
    abstract ServerConfig config(Path dir);

    @Test
    void configurations_shares_and_orders_survive_a_restart_and_seeding_runs_once() {
        int windowVersions = client.get("/api/products/casement_window")
                .json()
                .get("versions")
                .size();
        JsonNode done = OrderApiIT.completeWindow(client);
        JsonNode placed = OrderApiIT.placed(client, OrderApiIT.orderBody(done, 4));
        assertThat(placed.get("quantity").asInt()).as(placed.toString()).isEqualTo(4);
        // as it stands once the re-plan that follows it has landed
        JsonNode order = client.get("/api/orders/" + placed.get("id").asText()).json();
        JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"casement_window\",\"language\":\"sv\"}")
                .json();
        JsonNode s1 = client.set(s0, "glazing", "double").json();
        JsonNode saved = client.set(s1, "sashes", 2).json();
        String token = client.post("/api/configurations/" + s0.get("id").asText() + "/share", "")
                .json()
                .get("token")
                .asText();

        server.restart();
        String id = saved.get("id").asText();
        JsonNode reloaded = client.get("/api/configurations/" + id).json();

        assertThat(reloaded.get("revision").asInt()).isEqualTo(2);
        assertThat(reloaded.get("language").asText()).isEqualTo("sv");
        assertThat(reloaded.get("decisions")).isEqualTo(saved.get("decisions"));
        assertThat(reloaded.get("options")).isEqualTo(saved.get("options"));
        assertThat(reloaded.get("canUndo").asBoolean()).isTrue();
        assertThat(client.get("/api/shared/" + token).json().get("id").asText()).isEqualTo(id);
        assertThat(client.get("/api/orders/" + order.get("id").asText()).json()).isEqualTo(order);
        assertThat(client.get("/api/products/casement_window").json().get("versions"))
                .hasSize(windowVersions);
        JsonNode undone = client.post("/api/configurations/" + id + "/undo", "{\"revision\":2}")
                .json();
        assertThat(undone.get("revision").asInt()).isEqualTo(3);
        assertThat(undone.get("decisions")).hasSize(1);
    }

    @Test
    void published_versions_survive_a_restart_and_old_versions_stay_configurable() {
        String name = "test_shelf_" + Long.toString(Math.abs(new Random().nextLong()), 36);
        String file = name + ".tpm";
        assertThat(client.post(
                                "/api/firms/glamdal-vindu/models?file=" + file,
                                TestModels.shelf(false).replace("test_shelf", name))
                        .status())
                .isEqualTo(201);
        assertThat(client.post(
                                "/api/firms/glamdal-vindu/models?file=" + file,
                                TestModels.shelf(true).replace("test_shelf", name))
                        .status())
                .isEqualTo(201);

        server.restart();
        JsonNode product = client.get("/api/products/" + name).json();
        assertThat(product.get("version").asInt()).isEqualTo(2);
        assertThat(product.get("versions").findValuesAsText("versionLabel")).containsExactly("v1", "v2");
        JsonNode old = client.post("/api/configurations", "{\"productId\":\"" + name + "\",\"version\":1}")
                .json();
        assertThat(old.get("version").asInt()).isEqualTo(1);
        assertThat(old.get("upgrade").get("toVersion").asInt()).isEqualTo(2);
    }

    @Test
    void article_stock_and_reservations_survive_a_restart_and_are_not_seeded_again() {
        JsonNode hingeBefore = StockApiIT.article(client, "hinge");
        JsonNode state = StockApiIT.window(client, "blinds", "integrated", "blinds_motor", true);
        String id = StockApiIT.order(client, state, 2).get("id").asText();
        JsonNode po = client.get("/api/orders/" + id + "/production").json();
        assertThat(StockApiIT.material(po, "motor").get("short").asLong()).isPositive();
        assertThat(po.get("materialArrival").isTextual()).isTrue();
        JsonNode hingeAfter = StockApiIT.article(client, "hinge");
        JsonNode motorAfter = StockApiIT.article(client, "motor");
        assertThat(motorAfter.get("short").asLong())
                .as("the article's shortage sums its orders' shortages: %s", motorAfter)
                .isGreaterThanOrEqualTo(
                        StockApiIT.material(po, "motor").get("short").asLong());
        assertThat(hingeAfter.get("reserved").asLong())
                .isEqualTo(hingeBefore.get("reserved").asLong()
                        + StockApiIT.material(po, "hinge").get("reserved").asLong())
                .isGreaterThan(hingeBefore.get("reserved").asLong());

        server.restart();

        assertThat(StockApiIT.article(client, "hinge")).isEqualTo(hingeAfter);
        assertThat(StockApiIT.article(client, "motor")).isEqualTo(motorAfter);
        JsonNode reloaded = client.get("/api/orders/" + id + "/production").json();
        assertThat(reloaded.get("materials")).isEqualTo(po.get("materials"));
        assertThat(reloaded.get("materialArrival")).isEqualTo(po.get("materialArrival"));
        long reservations = server.server().platform().database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from article_reservations where order_id = :o and short > 0")
                .bind("o", id)
                .mapTo(Long.class)
                .one());
        assertThat(reservations).isEqualTo(1);
    }

    @Test
    void goods_receipts_and_stock_movements_survive_a_restart_and_a_retry_books_nothing_twice() {
        String key = UUID.randomUUID().toString();
        String body = "{\"item\":\"glass_double\",\"quantity\":7,\"note\":\"delivery 4711\"}";
        TestClient.Response r = client.postWithKey("/api/firms/glamdal-vindu/stock/receipts", key, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode receipt = r.json();

        server.restart();
        TestClient.Response again = client.postWithKey("/api/firms/glamdal-vindu/stock/receipts", key, body);
        JsonNode movements = client.get("/api/firms/glamdal-vindu/stock/movements?item=glass_double")
                .json()
                .get("movements");

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(receipt);
        assertThat(movements.get(0).get("kind").asText()).isEqualTo("receipt");
        assertThat(movements.get(0).get("receiptId").asText())
                .isEqualTo(receipt.get("id").asText());
        assertThat(movements.get(0).get("onHand").asLong())
                .isEqualTo(receipt.get("article").get("onHand").asLong());
        assertThat(movements.findValuesAsText("kind").stream().filter("receipt"::equals))
                .hasSize(1);
    }

    @Test
    void concurrent_duplicate_orders_leave_exactly_one_order() throws Exception {
        JsonNode state = OrderApiIT.completeWindow(client);
        String key = UUID.randomUUID().toString();
        List<Callable<TestClient.Response>> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(() -> client.postWithKey("/api/orders", key, OrderApiIT.orderBody(state)));
        }
        List<String> ids = new ArrayList<>();
        int created = 0;
        for (TestClient.Response r : AtOnce.run(orders)) {
            assertThat(r.status()).as(r.text()).isIn(200, 201);
            created += r.status() == 201 ? 1 : 0;
            ids.add(r.json().get("id").asText());
        }
        assertThat(created).isEqualTo(1);
        assertThat(ids.stream().distinct()).hasSize(1);
        long rows = server.server().platform().database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from orders where idempotency_key = :k")
                .bind("k", key)
                .mapTo(Long.class)
                .one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void concurrent_changes_of_many_sessions_are_all_kept() throws Exception {
        List<JsonNode> last = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int width = 500 + 100 * i;
                answers.add(pool.submit(() -> {
                    JsonNode state = client.post("/api/configurations", "{\"productId\":\"casement_window\"}")
                            .json();
                    go.await();
                    for (int step = 0; step < 5; step++) {
                        TestClient.Response r = client.set(state, "width", width + 10 * step);
                        assertThat(r.status()).as(r.text()).isEqualTo(200);
                        state = r.json();
                    }
                    return state;
                }));
            }
            go.countDown();
            for (Future<JsonNode> f : answers) {
                last.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        server.restart();
        for (JsonNode saved : last) {
            JsonNode reloaded = client.get(
                            "/api/configurations/" + saved.get("id").asText())
                    .json();
            assertThat(reloaded.get("revision").asInt()).isEqualTo(5);
            assertThat(reloaded.get("decisions")).isEqualTo(saved.get("decisions"));
        }
    }

    @Test
    void orders_placed_at_once_through_two_servers_on_one_database_are_all_planned_without_overlaps() throws Exception {
        TilpassServer second = server.startAnother();
        try {
            List<TestClient> clients = List.of(client, new TestClient(second.url()));
            List<Callable<TestClient.Response>> orders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TestClient via = clients.get(i % 2);
                JsonNode state = OrderApiIT.completeWindow(via);
                orders.add(() ->
                        via.postWithKey("/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(state)));
            }
            List<String> ids = new ArrayList<>();
            for (TestClient.Response r : AtOnce.run(orders)) {
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                ids.add(r.json().get("id").asText());
            }
            for (TestClient each : clients) {
                JsonNode plan =
                        each.get("/api/firms/glamdal-vindu/plan?days=180").json();
                assertThat(plan.get("orders").findValuesAsText("orderId")).containsAll(ids);
                assertThat(ProductionApiIT.PlanChecker.problems(plan)).isEmpty();
            }
            // and once both servers' re-plans after the orders have landed or been dropped (D28)
            clients.forEach(each -> each.settle("glamdal-vindu"));
            for (TestClient each : clients) {
                JsonNode plan =
                        each.get("/api/firms/glamdal-vindu/plan?days=180").json();
                assertThat(plan.get("orders").findValuesAsText("orderId")).containsAll(ids);
                assertThat(ProductionApiIT.PlanChecker.problems(plan))
                        .as(plan.toString())
                        .isEmpty();
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void of_two_orders_that_do_not_fit_together_placed_at_once_through_two_servers_one_is_taken_in_full()
            throws Exception {
        // the packing station stops 20 days from now for longer than any plan reaches
        LocalDateTime now = server.plantNow();
        server.server().platform().database().jdbi().useHandle(h -> h.createUpdate(
                        "insert into downtimes (firm_id, downtime_id, work_centre_id, starts_at, ends_at, created_at)"
                                + " values ('glamdal-vindu', 'contract-stop', 'pack-1', :s, :e, current_timestamp)")
                .bind("s", now.plusDays(20))
                .bind("e", now.plusDays(3700))
                .execute());
        JsonNode window = StockApiIT.window(client);
        int most = PlanLimitIT.mostThatFit(client, window);
        TilpassServer second = server.startAnother();
        try {
            List<TestClient> clients = List.of(client, new TestClient(second.url()));
            // the second server refuses the same (and has compiled the model before the two meet)
            assertThat(PlanLimitIT.mostThatFit(clients.get(1), window)).isEqualTo(most);
            List<Callable<TestClient.Response>> orders = new ArrayList<>();
            for (TestClient via : clients) {
                orders.add(() -> via.postWithKey(
                        "/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, most)));
            }
            Runnable restore = PlanLimitIT.checksMeet(server.server(), second);
            List<TestClient.Response> answers;
            try {
                answers = AtOnce.run(orders);
            } finally {
                restore.run();
            }
            PlanLimitIT.takenInFullAndSomeRefused(client, answers, now.plusDays(20));
        } finally {
            second.stop();
            deleteDowntimes();
        }
    }

    private void deleteDowntimes() {
        server.server()
                .platform()
                .database()
                .jdbi()
                .useHandle(h -> h.execute("delete from downtimes where firm_id = 'glamdal-vindu'"));
    }

    @Test
    void a_delivery_date_accounts_within_seconds_for_a_downtime_another_server_booked() throws Exception {
        TilpassServer second = server.startAnother();
        try {
            LocalDate before = earliestDelivery(OrderApiIT.completeWindow(client));
            TestClient other = new TestClient(second.url());
            JsonNode plan = other.get("/api/firms/glamdal-vindu/plan?days=30").json();
            LocalDateTime now = LocalDateTime.parse(plan.get("now").asText());
            LocalDateTime until = now.plusDays(10);
            for (JsonNode centre : plan.get("workCentres")) {
                TestClient.Response down = other.post(
                        "/api/firms/glamdal-vindu/work-centres/"
                                + centre.get("id").asText() + "/downtime",
                        "{\"from\":\"" + now + "\",\"to\":\"" + until + "\"}");
                assertThat(down.status()).as(down.text()).isEqualTo(200);
            }
            Thread.sleep(1_200); // the first server checks its firm's plan revision at most once a second

            LocalDate after = earliestDelivery(OrderApiIT.completeWindow(client));

            assertThat(before).isBefore(until.toLocalDate());
            assertThat(after)
                    .as("every work centre is down for ten days, booked at the other server")
                    .isAfterOrEqualTo(until.toLocalDate());
        } finally {
            second.stop();
            deleteDowntimes(); // the database outlives this test
        }
    }

    @Test
    void a_changed_calendar_moves_the_delivery_date_at_another_server_and_survives_a_restart() throws Exception {
        String path = "/api/firms/glamdal-vindu/work-centres/pack-1/calendar";
        JsonNode old = client.get(path).json();
        TilpassServer second = server.startAnother();
        try {
            LocalDate before = earliestDelivery(OrderApiIT.completeWindow(client));
            TestClient other = new TestClient(second.url());
            LocalDate today = LocalDate.parse(other.get("/api/firms/glamdal-vindu/plan?days=1")
                    .json()
                    .get("now")
                    .asText()
                    .substring(0, 10));
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("shifts", old.get("shifts"));
            ArrayNode holidays = body.putArray("holidays");
            old.get("holidays").forEach(holidays::add);
            for (LocalDate d = today; d.isBefore(today.plusDays(21)); d = d.plusDays(1)) {
                holidays.add(d.toString());
            }
            TestClient.Response changed = other.put(path, body.toString());
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            Thread.sleep(1_200); // the first server checks its firm's plan revision at most once a second

            LocalDate after = earliestDelivery(OrderApiIT.completeWindow(client));

            assertThat(before).isBefore(today.plusDays(21));
            assertThat(after)
                    .as("packing is closed for three weeks, changed at the other server")
                    .isAfterOrEqualTo(today.plusDays(21));
            server.restart();
            assertThat(client.get(path).json().get("holidays"))
                    .as("kept, not seeded again")
                    .isEqualTo(changed.json().get("holidays"));
        } finally {
            second.stop();
            ObjectNode restore = Json.mapper().createObjectNode();
            restore.set("shifts", old.get("shifts"));
            restore.set("holidays", old.get("holidays"));
            assertThat(client.put(path, restore.toString()).status()).isEqualTo(200); // the database outlives this test
        }
    }

    private static LocalDate earliestDelivery(JsonNode state) {
        assertThat(state.get("delivery").isObject()).as(state.toString()).isTrue();
        return LocalDate.parse(state.get("delivery").get("earliest").asText());
    }

    @Test
    void a_configuration_changed_at_one_server_can_be_changed_further_at_another() {
        TilpassServer second = server.startAnother();
        try {
            TestClient other = new TestClient(second.url());
            JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"casement_window\"}")
                    .json();
            JsonNode s1 = other.set(s0, "width", 1000).json();

            TestClient.Response r = client.set(s1, "height", 1200);

            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().get("revision").asInt()).isEqualTo(2);
            assertThat(r.json().get("decisions").toString()).contains("width").contains("height");
            assertThat(other.get("/api/configurations/" + s0.get("id").asText())
                            .json()
                            .get("revision")
                            .asInt())
                    .as("the other server reads the revision this one wrote")
                    .isEqualTo(2);
            JsonNode ordered = other.postWithKey(
                            "/api/orders",
                            UUID.randomUUID().toString(),
                            OrderApiIT.orderBody(client.post(
                                            "/api/configurations/"
                                                    + s0.get("id").asText() + "/complete",
                                            "{\"revision\":2}")
                                    .json()))
                    .json();
            assertThat(ordered.path("id").isTextual())
                    .as("an order at the other server of the revision completed here: " + ordered)
                    .isTrue();
            TestClient.Response stale = other.set(s1, "height", 900);
            assertThat(stale.status()).as(stale.text()).isEqualTo(409);
            assertThat(stale.error().get("current").get("revision").asInt()).isEqualTo(3);
        } finally {
            second.stop();
        }
    }

    @Test
    void versions_published_at_once_through_two_servers_get_distinct_numbers_and_both_servers_serve_them()
            throws Exception {
        TilpassServer second = server.startAnother();
        try {
            List<TestClient> clients = List.of(client, new TestClient(second.url()));
            String name = "test_shelf_" + Long.toString(Math.abs(new Random().nextLong()), 36);
            List<Callable<TestClient.Response>> publications = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestClient via = clients.get(i % 2);
                String text = TestModels.shelf(i % 2 == 1).replace("test_shelf", name);
                publications.add(() -> via.post("/api/firms/glamdal-vindu/models?file=" + name + ".tpm", text));
            }
            List<Integer> numbers = new ArrayList<>();
            for (TestClient.Response r : AtOnce.run(publications)) {
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                numbers.add(r.json().get("version").asInt());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);

            for (TestClient each : clients) {
                TestClient.Response opened =
                        each.post("/api/configurations", "{\"productId\":\"" + name + "\",\"version\":4}");
                assertThat(opened.status()).as(opened.text()).isEqualTo(201);
                assertThat(opened.json().get("version").asInt()).isEqualTo(4);
            }
            Thread.sleep(1_200); // each server compares its index of versions with the database once a second
            for (TestClient each : clients) {
                JsonNode product = each.get("/api/products/" + name).json();
                assertThat(product.get("version").asInt())
                        .as(product.toString())
                        .isEqualTo(4);
                assertThat(product.get("versions")).hasSize(4);
            }
        } finally {
            second.stop();
        }
    }
}
