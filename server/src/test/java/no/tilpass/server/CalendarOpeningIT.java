package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Time that opens under a live plan with no late order: the operations move up into it, each lane keeping
 * its order, and no order finishes later. Its own server, so that no order of another test is late (a late
 * order would bring in the repair, which could hide a missing move-up).
 */
class CalendarOpeningIT {

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    private static final String FIRM = "/api/firms/glamdal-vindu";

    @Test
    void days_opened_again_let_the_orders_behind_them_move_up_and_none_finishes_later() {
        LocalDate today = LocalDate.parse(
                client.get(FIRM + "/plan?days=1").json().get("now").asText().substring(0, 10));
        List<String> closing = new ArrayList<>();
        for (LocalDate d = today.plusDays(1); closing.size() < 3; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                closing.add(d.toString());
            }
        }
        TestClient.Response closed = client.patch(FIRM + "/holidays", TestClient.json(Map.of("add", closing)));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            StockApiIT.order(client, StockApiIT.window(client), 6);
        }
        JsonNode before = client.get(FIRM + "/plan?days=400").json();
        assertThat(ProductionApiIT.PlanChecker.problems(before)).isEmpty();
        Map<String, LocalDateTime> was = new LinkedHashMap<>();
        for (JsonNode o : before.get("orders")) {
            assertThat(o.get("late").asBoolean())
                    .as("placed after the closing: " + o)
                    .isFalse();
            was.put(
                    o.get("orderId").asText(),
                    LocalDateTime.parse(o.get("plannedFinish").asText()));
        }

        TestClient.Response opened = client.patch(FIRM + "/holidays", TestClient.json(Map.of("remove", closing)));

        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        assertThat(opened.json().get("status").asText()).isEqualTo("repaired");
        assertThat(opened.json().get("changedOperations").asInt()).isPositive();
        JsonNode after = client.get(FIRM + "/plan?days=400").json();
        assertThat(ProductionApiIT.PlanChecker.problems(after))
                .as(after.toString())
                .isEmpty();
        int earlier = 0;
        for (JsonNode o : after.get("orders")) {
            LocalDateTime finish = LocalDateTime.parse(o.get("plannedFinish").asText());
            LocalDateTime previous = was.get(o.get("orderId").asText());
            assertThat(finish).as("no order finishes later: " + o).isBeforeOrEqualTo(previous);
            earlier += finish.isBefore(previous) ? 1 : 0;
        }
        assertThat(earlier)
                .as("the orders move up into the days opened: " + opened.text())
                .isPositive();
        assertThat(opened.json().get("movedOrders").size()).isEqualTo(earlier);
    }
}
