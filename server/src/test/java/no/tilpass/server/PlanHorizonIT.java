package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import no.tilpass.server.order.Orders;
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
        LocalDate beyond = LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(180);
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

    private static int setCalendar(String centre, String calendar) {
        return server.server().platform().database().jdbi().withHandle(h -> h.createUpdate(
                        "update work_centres set calendar = :c where firm_id = 'glamdal-vindu' and work_centre_id = :w")
                .bind("c", calendar)
                .bind("w", centre)
                .execute());
    }

    @Test
    void an_order_that_no_ten_year_plan_could_hold_is_refused_when_placed_with_how_many_units_could_fit() {
        String before = server.server().platform().database().jdbi().withHandle(h -> h.createQuery(
                        "select calendar from work_centres where firm_id = 'glamdal-vindu' and work_centre_id = 'pack-1'")
                .mapTo(String.class)
                .one());
        // the packing station open one hour a week: ten years hold about 522 hours of packing
        assertThat(setCalendar("pack-1", "shifts=MON 07:00-08:00")).isEqualTo(1);
        try {
            JsonNode window = StockApiIT.window(client);
            TestClient.Response r = client.postWithKey(
                    "/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, Orders.MAX_QUANTITY));

            assertThat(r.status()).as(r.text()).isEqualTo(422);
            assertThat(r.error().get("code").asText()).isEqualTo("not_producible");
            assertThat(r.error().get("field").asText()).isEqualTo("quantity");
            assertThat(r.error().get("message").asText())
                    .startsWith("the order cannot be produced: the operations on work-centre type 'packing' take ")
                    .contains(" hours for 9999 units, more than the ")
                    .endsWith(" hours the work centres of that type at Glåmdal Vindu AS are open in the 3653 days"
                            + " a plan reaches");
            assertThat(r.error().get("maybe").asText())
                    .startsWith("Maybe split it into smaller orders: at most ")
                    .endsWith("or add work centres of type 'packing' or longer shifts.");
            long fit = Long.parseLong(r.error()
                    .get("maybe")
                    .asText()
                    .replaceFirst("^Maybe split it into smaller orders: at most (\\d+) units .*$", "$1"));
            TestClient.Response one = client.postWithKey(
                    "/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, (int) fit + 1));
            assertThat(one.status())
                    .as("one unit more than fits: " + one.text())
                    .isEqualTo(422);
            assertThat(StockApiIT.order(client, window, 1).get("id").isTextual())
                    .as("a small order is still taken")
                    .isTrue();
        } finally {
            setCalendar("pack-1", before);
        }
    }
}
