package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tilpass.server.production.Production;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A work centre that goes down while one of its operations runs: the repair interrupts the operation, the
 * part done before the downtime stays and the rest resumes after it, and the plan passes the independent
 * plan checker. "While it runs" needs a clock: a second {@link Production} on the server's database reads
 * a fixed clock set to the middle of the order's first operation.
 */
class DowntimeInterruptIT {

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    @Test
    void a_downtime_during_a_running_operation_interrupts_it_and_the_rest_resumes_after_the_downtime() {
        JsonNode order = StockApiIT.order(client, StockApiIT.window(client), 4);
        String orderId = order.get("id").asText();
        JsonNode first = client.get("/api/orders/" + orderId + "/production")
                .json()
                .get("operations")
                .get(0);
        LocalDateTime s = LocalDateTime.parse(first.get("start").asText());
        LocalDateTime e = LocalDateTime.parse(first.get("end").asText());
        long minutes = first.get("minutes").asLong();
        assertThat(minutes)
                .as("an operation long enough to interrupt: " + first)
                .isGreaterThanOrEqualTo(2);
        LocalDateTime now = s.plusMinutes(minutes / 2);
        Production at = server.productionAt(now);
        String centre = first.get("workCentreId").asText();

        Map<String, Object> repair = at.downtime("glamdal-vindu", centre, now, now.plusHours(2));

        JsonNode plan = Json.mapper().valueToTree(at.plan("glamdal-vindu", 21));
        assertThat(ProductionApiIT.PlanChecker.problems(plan))
                .as(plan.toString())
                .isEmpty();
        List<JsonNode> ops = new ArrayList<>();
        for (JsonNode o : plan.get("orders")) {
            if (o.get("orderId").asText().equals(orderId)) {
                o.get("operations").forEach(ops::add);
            }
        }
        JsonNode done = ops.get(0);
        JsonNode rest = ops.get(1);
        assertThat(done.get("taskId").asText()).isEqualTo(first.get("taskId").asText());
        assertThat(done.get("start").asText()).isEqualTo(s.toString());
        assertThat(done.get("end").asText()).as("done up to the downtime").isEqualTo(now.toString());
        assertThat(rest.get("taskId").asText()).startsWith(first.get("taskId").asText() + "/resumed");
        assertThat(rest.get("workCentreId").asText()).isEqualTo(centre);
        assertThat(rest.get("lane").asInt()).isEqualTo(first.get("lane").asInt());
        assertThat(done.get("minutes").asLong() + rest.get("minutes").asLong())
                .as("no minute lost, none added")
                .isEqualTo(minutes);
        assertThat(LocalDateTime.parse(rest.get("start").asText()))
                .as("the rest resumes after the downtime")
                .isAfterOrEqualTo(now.plusHours(2));
        assertThat(e).isAfter(now);
    }
}
