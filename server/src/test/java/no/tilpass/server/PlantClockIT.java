package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server whose plant clock starts at a chosen time (serve --clock): plans, promises, orders and configuration
 * sessions follow it.
 */
class PlantClockIT {
    static final LocalDateTime MONDAY_MORNING = LocalDateTime.parse("2027-03-08T06:30");

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass()
            .withProperty("tilpass.planSeconds", "1")
            .withConfig(dir -> ServerConfig.embedded(dir, 0).withClock(ServerConfig.plantClockFrom(MONDAY_MORNING)));

    static final TestClient client = server.client();

    @Test
    void the_plan_the_delivery_date_the_promise_the_order_and_session_dates_follow_the_plant_clock_not_the_real_time() {
        JsonNode before = client.get("/api/firms/glamdal-vindu/plan").json();
        LocalDateTime now = LocalDateTime.parse(before.get("now").asText());
        assertThat(now).as(before.get("now").asText()).isBetween(MONDAY_MORNING, MONDAY_MORNING.plusMinutes(30));
        assertThat(server.plantNow()).isBetween(MONDAY_MORNING, MONDAY_MORNING.plusMinutes(30));

        JsonNode state = OrderApiIT.completeWindow(client);
        LocalDate earliest =
                LocalDate.parse(state.get("delivery").get("earliest").asText());
        assertThat(earliest)
                .as("the empty plant makes a window on Monday 8 March 2027 or within weeks of it")
                .isAfterOrEqualTo(MONDAY_MORNING.toLocalDate())
                .isBefore(MONDAY_MORNING.toLocalDate().plusDays(60));

        JsonNode order = OrderApiIT.placed(client, OrderApiIT.orderBody(state));
        assertThat(order.get("production").get("promisedDate").asText()).isEqualTo(earliest.toString());
        LocalDate ordered = Instant.parse(order.get("createdAt").asText())
                .atZone(ZoneId.of("Europe/Oslo"))
                .toLocalDate();
        assertThat(ordered).as(order.toString()).isEqualTo(MONDAY_MORNING.toLocalDate());
        List<LocalDate> sessionDates = server.server()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h
                        .createQuery("select created_at, updated_at from configurations where configuration_id = :id")
                        .bind("id", state.get("id").asText())
                        .map((rs, ctx) -> List.of(
                                rs.getObject("created_at", OffsetDateTime.class),
                                rs.getObject("updated_at", OffsetDateTime.class)))
                        .one()
                        .stream()
                        .map(t -> t.atZoneSameInstant(ZoneId.of("Europe/Oslo")).toLocalDate())
                        .toList());
        assertThat(sessionDates)
                .as("the configuration session is dated on the plant clock, created and last changed")
                .containsExactly(MONDAY_MORNING.toLocalDate(), MONDAY_MORNING.toLocalDate());

        JsonNode po = client.get("/api/orders/" + order.get("id").asText() + "/production")
                .json();
        for (JsonNode op : po.get("operations")) {
            assertThat(LocalDateTime.parse(op.get("start").asText()))
                    .as(op.toString())
                    .isAfterOrEqualTo(now);
        }
    }
}
