package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilpass.server.ServerUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The background re-plan after an order solves outside the firm's lock, so the plan may change while it
 * solves; then it must be dropped, not written over the change (D28). The change is made at that moment,
 * deterministically, through the package's hook between the solver and the write.
 */
class ReplanLandingIT {
    private static final String FIRM = "glamdal-vindu";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    private static JsonNode call(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    private static void orderWindow(int quantity) throws Exception {
        JsonNode s0 = call("POST", "/api/configurations", "{\"productId\":\"casement_window\"}", null);
        String id = s0.get("id").asText();
        JsonNode done = call(
                "POST",
                "/api/configurations/" + id + "/complete",
                "{\"revision\":" + s0.get("revision").asInt() + "}",
                null);
        call(
                "POST",
                "/api/orders",
                "{\"configurationId\":\"" + id + "\",\"revision\":"
                        + done.get("revision").asInt()
                        + ",\"quantity\":" + quantity
                        + ",\"customer\":{\"name\":\"Kari Nordmann\",\"email\":\"kari@example.no\"}}",
                UUID.randomUUID().toString());
    }

    /** The dates with an operation planned to start on them, from the plant's tomorrow on. */
    @SuppressWarnings("unchecked")
    private static List<String> busyDays(Map<String, Object> plan) {
        LocalDate today = LocalDateTime.parse(String.valueOf(plan.get("now"))).toLocalDate();
        List<String> days = new ArrayList<>();
        for (Map<String, Object> o : (List<Map<String, Object>>) plan.get("orders")) {
            for (Map<String, Object> op : (List<Map<String, Object>>) o.get("operations")) {
                Object start = op.get("start");
                if (start != null) {
                    LocalDate day = LocalDateTime.parse((String) start).toLocalDate();
                    if (day.isAfter(today) && !days.contains(day.toString())) {
                        days.add(day.toString());
                    }
                }
            }
        }
        days.sort(null);
        return days;
    }

    /** The server's production once {@code orders} orders of {@code quantity} windows are in and re-planned. */
    private static Production afterOrders(int orders, int quantity) throws Exception {
        for (int i = 0; i < orders; i++) {
            orderWindow(quantity);
        }
        Production production = server.server().platform().production();
        assertThat(production.awaitQuietPlans(Duration.ofSeconds(60))).isTrue();
        return production;
    }

    @Test
    void a_re_plan_that_read_the_plan_before_a_closing_is_dropped_and_the_closing_kept() throws Exception {
        Production production = afterOrders(4, 3);
        List<String> busy = busyDays(production.plan(FIRM, 180));
        // early on a working day the plant makes 12 windows before the day is over: order until there is work
        // after today, whatever the hour the test runs at
        for (int more = 0; busy.isEmpty() && more < 6; more++) {
            afterOrders(1, 40);
            busy = busyDays(production.plan(FIRM, 180));
        }
        assertThat(busy)
                .as("the orders keep the next days busy at " + production.now())
                .isNotEmpty();
        String closed = busy.get(0);
        Production.Replanned before = production.replanned();
        List<Map<String, Object>> afterClosing = new ArrayList<>();

        try {
            production.replanAfterRelease(FIRM, () -> {
                // the factory closes the first busy day while the re-plan is solved
                production.changeHolidays(FIRM, List.of(closed), List.of());
                afterClosing.add(production.plan(FIRM, 180));
            });

            Production.Replanned after = production.replanned();
            assertThat(after.dropped()).as(before + " then " + after).isEqualTo(before.dropped() + 1);
            assertThat(after.landed()).isEqualTo(before.landed());
            Map<String, Object> now = production.plan(FIRM, 180);
            assertThat(now.get("orders"))
                    .as("the plan the closing left, not the one solved before it")
                    .isEqualTo(afterClosing.get(0).get("orders"));
            assertThat(busyDays(now)).doesNotContain(closed);
        } finally {
            production.changeHolidays(FIRM, List.of(), List.of(closed));
        }
    }

    @Test
    void after_three_re_plans_overtaken_in_a_row_the_next_runs_under_the_lock() throws Exception {
        Production production = afterOrders(1, 1);
        String farAway = production.now().toLocalDate().plusYears(2).toString();
        Production.Replanned before = production.replanned();
        try {
            for (int i = 0; i < 3; i++) {
                boolean add = i % 2 == 0;
                // a change of the plan while each is solved: a holiday two years away, on and off again
                production.replanAfterRelease(
                        FIRM,
                        () -> production.changeHolidays(
                                FIRM, add ? List.of(farAway) : List.of(), add ? List.of() : List.of(farAway)));
            }
            Production.Replanned overtaken = production.replanned();
            assertThat(overtaken.dropped()).as(before + " then " + overtaken).isEqualTo(before.dropped() + 3);

            production.replanAfterRelease(FIRM, () -> production.changeHolidays(FIRM, List.of(farAway), List.of()));

            Production.Replanned after = production.replanned();
            assertThat(after.underLock())
                    .as("the fourth ran under the lock, where no change can come between: " + after)
                    .isEqualTo(before.underLock() + 1);
            assertThat(after.dropped()).isEqualTo(overtaken.dropped());
        } finally {
            production.changeHolidays(FIRM, List.of(), List.of(farAway));
        }
    }

    @Test
    void a_re_plan_that_nothing_overtook_is_written() throws Exception {
        Production production = afterOrders(1, 2);
        Production.Replanned before = production.replanned();
        LocalDateTime minute = production.now();

        production.replanAfterRelease(FIRM, () -> {});

        Production.Replanned after = production.replanned();
        if (production.now().equals(minute)) {
            assertThat(after.landed()).as(before + " then " + after).isEqualTo(before.landed() + 1);
            assertThat(after.dropped()).isEqualTo(before.dropped());
        } else {
            // the minute turned while it was solved: an operation may have started, so it is dropped
            assertThat(after.landed() + after.dropped()).isEqualTo(before.landed() + before.dropped() + 1);
        }
    }
}
