package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import no.tilpass.server.production.Production;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The re-plan that follows an order runs in the background (D28): the order is answered with its promise
 * from the greedy insertion, the re-plan lands later, and orders placed while one is solved are neither lost
 * nor overlapped by a re-plan that read the plan before them (it is dropped and runs again). A server of its
 * own, so that the counts of re-plans are this test's.
 */
class BackgroundReplanIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    private static Production production() {
        return server.server().platform().production();
    }

    @Test
    void an_order_is_answered_with_its_promise_and_the_re_plan_that_follows_lands_without_making_it_late() {
        Production.Replanned before = production().replanned();
        JsonNode state = OrderApiIT.completeWindow(client);

        TestClient.Response r =
                client.postWithKey("/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(state));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode production = r.json().get("production");
        LocalDate promised = LocalDate.parse(production.get("promisedDate").asText());
        assertThat(promised)
                .isEqualTo(LocalDate.parse(state.get("delivery").get("earliest").asText()));
        assertThat(LocalDateTime.parse(production.get("plannedFinish").asText()).toLocalDate())
                .as("the greedy insertion's finish is the promise")
                .isEqualTo(promised);

        assertThat(production().awaitQuietPlans(Duration.ofSeconds(60))).isTrue();
        Production.Replanned after = production().replanned();
        assertThat(after.landed() + after.underLock())
                .as("the order's re-plan was written: " + before + " then " + after)
                .isGreaterThan(before.landed() + before.underLock());
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(plan.get("replanning").asBoolean()).isFalse();
        assertThat(ProductionApiIT.PlanChecker.problems(plan))
                .as(plan.toString())
                .isEmpty();
        JsonNode order =
                client.get("/api/orders/" + r.json().get("id").asText()).json();
        assertThat(LocalDate.parse(order.get("production").get("promisedDate").asText()))
                .as("the promise stays what the customer was told")
                .isEqualTo(promised);
        assertThat(LocalDateTime.parse(
                                order.get("production").get("plannedFinish").asText())
                        .toLocalDate())
                .isBeforeOrEqualTo(promised);
    }

    @Test
    void orders_placed_while_re_plans_are_solved_are_all_kept_on_time_and_never_overlapped() throws Exception {
        Production.Replanned before = production().replanned();
        List<String> ids = new ArrayList<>();
        Map<String, LocalDate> promised = new LinkedHashMap<>();
        // rounds of orders at once, each round placed while the re-plans of the one before are solved
        for (int round = 0; round < 4; round++) {
            List<Callable<TestClient.Response>> orders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JsonNode state = OrderApiIT.completeWindow(client);
                orders.add(() -> client.postWithKey(
                        "/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(state, 2)));
            }
            for (TestClient.Response r : AtOnce.run(orders)) {
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                String id = r.json().get("id").asText();
                ids.add(id);
                promised.put(
                        id,
                        LocalDate.parse(
                                r.json().get("production").get("promisedDate").asText()));
            }
            JsonNode meanwhile =
                    client.get("/api/firms/glamdal-vindu/plan?days=180").json();
            assertThat(ProductionApiIT.PlanChecker.problems(meanwhile))
                    .as("the plan while re-plans run: " + meanwhile)
                    .isEmpty();
        }

        assertThat(production().awaitQuietPlans(Duration.ofSeconds(120))).isTrue();
        Production.Replanned after = production().replanned();
        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=180").json();
        assertThat(ProductionApiIT.PlanChecker.problems(plan))
                .as("after re-plans " + before + " then " + after + ": " + plan)
                .isEmpty();
        Map<String, JsonNode> planned = new LinkedHashMap<>();
        plan.get("orders").forEach(o -> planned.put(o.get("orderId").asText(), o));
        assertThat(planned.keySet()).containsAll(ids);
        for (String id : ids) {
            JsonNode o = planned.get(id);
            assertThat(LocalDate.parse(o.get("promisedDate").asText())).isEqualTo(promised.get(id));
            assertThat(o.get("late").asBoolean())
                    .as("a re-plan is kept only when it makes no order later than promised: " + o)
                    .isFalse();
            for (JsonNode op : o.get("operations")) {
                assertThat(op.get("start").isTextual()).as(op.toString()).isTrue();
            }
        }
    }
}
