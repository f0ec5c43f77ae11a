package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plan has no fixed end: an order that needs more than the 180 days the board starts with is planned in
 * full and promised when its last operation ends, and the next customer still sees a delivery date and gets
 * a planned order behind it. A server of its own, so its order book is this test's.
 */
class PlanHorizonIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    static LocalDateTime lastEnd(JsonNode production) {
        LocalDateTime last = null;
        for (JsonNode op : production.get("operations")) {
            assertThat(op.get("start").isNull())
                    .as("every operation is planned: %s", op)
                    .isFalse();
            LocalDateTime end = LocalDateTime.parse(op.get("end").asText());
            last = last == null || end.isAfter(last) ? end : last;
        }
        return last;
    }

    @Test
    void an_order_larger_than_half_a_year_of_capacity_is_planned_in_full_and_the_next_order_behind_it() {
        LocalDate beyond = server.plantNow().toLocalDate().plusDays(180);
        JsonNode big = StockApiIT.order(client, StockApiIT.window(client), 2500);
        JsonNode production = client.get("/api/orders/" + big.get("id").asText() + "/production")
                .json();

        LocalDateTime last = lastEnd(production);
        assertThat(last.toLocalDate())
                .as("2500 windows take longer than 180 days")
                .isAfter(beyond);
        assertThat(production.get("plannedFinish").asText()).isEqualTo(last.toString());
        assertThat(LocalDate.parse(production.get("promisedDate").asText())).isEqualTo(last.toLocalDate());

        JsonNode next = StockApiIT.window(client);
        assertThat(next.get("delivery").path("earliest").isTextual())
                .as("the configurator still shows a date: %s", next.get("delivery"))
                .isTrue();
        JsonNode small = StockApiIT.order(client, next, 1);
        JsonNode smallProduction = client.get("/api/orders/" + small.get("id").asText() + "/production")
                .json();
        LocalDateTime smallEnd = lastEnd(smallProduction);
        assertThat(LocalDate.parse(smallProduction.get("promisedDate").asText()))
                .isEqualTo(smallEnd.toLocalDate());

        JsonNode plan = client.get("/api/firms/glamdal-vindu/plan?days=400").json();
        assertThat(ProductionApiIT.PlanChecker.problems(plan)).isEmpty();
    }
}
