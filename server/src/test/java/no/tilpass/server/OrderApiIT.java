package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Orders: idempotent submission, immutable snapshots, a firm's orders. */
class OrderApiIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass();

    static final TestClient client = server.client();

    static JsonNode completeWindow(TestClient client) {
        JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"casement_window\"}")
                .json();
        JsonNode s1 = client.set(s0, "width", 1000).json();
        return client.post("/api/configurations/" + s0.get("id").asText() + "/complete", "{\"revision\":1}")
                .json();
    }

    static String orderBody(JsonNode state) {
        return "{\"configurationId\":\"" + state.get("id").asText() + "\",\"revision\":"
                + state.get("revision").asInt()
                + ",\"customer\":{\"name\":\"Kari Nordmann\",\"email\":\"kari@example.no\"}}";
    }

    /**
     * Places the order {@code body} with a fresh idempotency key and returns it once the re-plan that follows
     * it has landed; anything but 201 fails.
     */
    static JsonNode placed(TestClient client, String body) {
        TestClient.Response r =
                client.postWithKey("/api/orders", UUID.randomUUID().toString(), body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        client.settle(r.json().get("firmId").asText());
        return r.json();
    }

    /**
     * The order as accepted: without its planned finish and whether that is late, which the re-plan that
     * follows an order in the background may still change after the answer (D28); the promise stays.
     */
    static JsonNode asAccepted(JsonNode order) {
        ObjectNode copy = order.deepCopy();
        if (copy.get("production") instanceof ObjectNode production) {
            production.remove("plannedFinish");
            production.remove("late");
        }
        return copy;
    }

    /** The order body for {@code quantity} units of the state's configuration. */
    static String orderBody(JsonNode state, int quantity) {
        return orderBody(state).replace(",\"customer\":", ",\"quantity\":" + quantity + ",\"customer\":");
    }

    @Test
    void the_same_idempotency_key_answers_the_same_order() {
        JsonNode state = completeWindow(client);
        String key = UUID.randomUUID().toString();

        TestClient.Response first = client.postWithKey("/api/orders", key, orderBody(state));
        TestClient.Response second = client.postWithKey("/api/orders", key, orderBody(state));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(asAccepted(second.json())).isEqualTo(asAccepted(first.json()));
        JsonNode order = first.json();
        assertThat(order.get("firmId").asText()).isEqualTo("glamdal-vindu");
        assertThat(order.get("productId").asText()).isEqualTo("casement_window");
        assertThat(order.get("version").asInt()).isEqualTo(1);
        assertThat(order.get("status").asText()).isEqualTo("received");
        assertThat(order.get("configuration").get("width").asInt()).isEqualTo(1000);
        assertThat(order.get("price").get("total").asLong())
                .isEqualTo(state.get("price").get("total").asLong());
        assertThat(order.get("price").get("estimate").asBoolean()).isFalse();
        assertThat(order.get("customer").get("email").asText()).isEqualTo("kari@example.no");
        assertThat(asAccepted(
                        client.get("/api/orders/" + order.get("id").asText()).json()))
                .isEqualTo(asAccepted(order));
        assertThat(client.get("/api/firms/glamdal-vindu/orders").json().findValuesAsText("id"))
                .contains(order.get("id").asText());
    }

    @Test
    void the_same_key_with_the_same_order_in_another_spelling_answers_the_first_order() {
        JsonNode state = completeWindow(client);
        String key = UUID.randomUUID().toString();
        TestClient.Response first = client.postWithKey("/api/orders", key, orderBody(state));
        String respelled = "{\"customer\":{\"email\":\"  Kari@Example.no \",\"name\":\" Kari Nordmann\"},"
                + "\"quantity\":1,\"revision\":" + state.get("revision").asInt() + ",\"configurationId\":\""
                + state.get("id").asText() + "\"}";

        TestClient.Response again = client.postWithKey("/api/orders", key, respelled);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    }

    @Test
    void the_same_key_with_a_different_order_is_422_naming_the_key_and_what_differs() {
        JsonNode state = completeWindow(client);
        JsonNode other = completeWindow(client);
        String key = UUID.randomUUID().toString();
        TestClient.Response first = client.postWithKey("/api/orders", key, orderBody(state, 2));

        TestClient.Response moreUnits = client.postWithKey("/api/orders", key, orderBody(state, 5));
        TestClient.Response otherCustomer =
                client.postWithKey("/api/orders", key, orderBody(state, 2).replace("Kari Nordmann", "Ola Nordmann"));
        TestClient.Response otherConfiguration = client.postWithKey("/api/orders", key, orderBody(other, 2));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        String orderId = first.json().get("id").asText();
        for (TestClient.Response r : List.of(moreUnits, otherCustomer, otherConfiguration)) {
            assertThat(r.status()).as(r.text()).isEqualTo(422);
            assertThat(r.error().get("code").asText()).isEqualTo("idempotency_key_reused");
            assertThat(r.error().get("message").asText()).contains(key);
            assertThat(r.error().get("field").asText()).isEqualTo("Idempotency-Key");
            assertThat(r.error().get("orderId").asText()).isEqualTo(orderId);
            assertThat(r.error().get("maybe").asText()).startsWith("Maybe use a new Idempotency-Key");
        }
        assertThat(moreUnits.error().get("message").asText()).contains("quantity: 2 then, 5 now");
        assertThat(moreUnits.error().get("differences")).hasSize(1);
        assertThat(otherCustomer.error().get("message").asText())
                .contains("customer.name: 'Kari Nordmann' then, 'Ola Nordmann' now");
        assertThat(otherConfiguration.error().get("message").asText()).contains("configurationId");
        assertThat(client.get("/api/orders/" + orderId).json().get("quantity").asInt())
                .as("the first order is unchanged")
                .isEqualTo(2);
        assertThat(client.postWithKey("/api/orders", key, orderBody(state, 2)).status())
                .as("the first request resent unchanged still answers the first order")
                .isEqualTo(200);
    }

    @Test
    void concurrent_duplicate_submissions_create_exactly_one_order() throws Exception {
        JsonNode state = completeWindow(client);
        String key = UUID.randomUUID().toString();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.postWithKey("/api/orders", key, orderBody(state));
                }));
            }
            go.countDown();
            List<TestClient.Response> responses = new ArrayList<>();
            for (Future<TestClient.Response> f : answers) {
                responses.add(f.get());
            }

            assertThat(responses).extracting(TestClient.Response::status).containsOnly(200, 201);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses.stream().map(r -> r.json().get("id").asText()).distinct())
                    .hasSize(1);
            long withKey =
                    client.get("/api/firms/glamdal-vindu/orders").json().findValuesAsText("configurationId").stream()
                            .filter(id -> id.equals(state.get("id").asText()))
                            .count();
            assertThat(withKey).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void orders_of_a_firm_are_numbered_one_after_another() {
        JsonNode a = client.postWithKey("/api/orders", UUID.randomUUID().toString(), orderBody(completeWindow(client)))
                .json();
        JsonNode b = client.postWithKey("/api/orders", UUID.randomUUID().toString(), orderBody(completeWindow(client)))
                .json();

        assertThat(b.get("number").asLong()).isEqualTo(a.get("number").asLong() + 1);
    }

    @Test
    void an_incomplete_configuration_cannot_be_ordered_and_a_stale_revision_is_409() {
        JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"casement_window\"}")
                .json();
        JsonNode done = completeWindow(client);
        String staleBody =
                orderBody(done).replace("\"revision\":" + done.get("revision").asInt(), "\"revision\":0");

        TestClient.Response incomplete =
                client.postWithKey("/api/orders", UUID.randomUUID().toString(), orderBody(s0));
        TestClient.Response stale =
                client.postWithKey("/api/orders", UUID.randomUUID().toString(), staleBody);
        TestClient.Response noKey = client.post("/api/orders", orderBody(done));
        TestClient.Response badEmail = client.postWithKey(
                "/api/orders", UUID.randomUUID().toString(), orderBody(done).replace("kari@example.no", "kari"));

        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.error().get("code").asText()).isEqualTo("incomplete_configuration");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(client.get("/api/orders/nope").status()).isEqualTo(404);
    }
}
