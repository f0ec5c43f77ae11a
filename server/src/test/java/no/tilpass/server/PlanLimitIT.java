package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.tilpass.server.order.Orders;
import no.tilpass.server.production.Production;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An order no plan could hold is refused when it is placed, not accepted with operations unplanned: first by
 * the work on one work-centre type against ten years of its open time (an upper bound on what could fit),
 * then by inserting it, as the release will, into the board grown to its longest with the work already
 * planned and the orders accepted before it (exact), one order at a time. A server of its own, so that the
 * order book and the changed calendars are this test's.
 */
class PlanLimitIT {
    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    private static String calendarOf(String centre) {
        return server.server().platform().database().jdbi().withHandle(h -> h.createQuery(
                        "select calendar from work_centres where firm_id = 'glamdal-vindu' and work_centre_id = :w")
                .bind("w", centre)
                .mapTo(String.class)
                .one());
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
        String before = calendarOf("pack-1");
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

    @Test
    void a_large_order_that_does_not_fit_the_plan_with_the_work_already_planned_is_refused_with_the_most_that_fits() {
        LocalDateTime stop = packingStops("plan-limit-it");
        try {
            JsonNode window = StockApiIT.window(client);
            TestClient.Response big =
                    client.postWithKey("/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, 2000));

            assertThat(big.status()).as(big.text()).isEqualTo(422);
            assertThat(big.error().get("code").asText()).isEqualTo("not_producible");
            assertThat(big.error().get("field").asText()).isEqualTo("quantity");
            assertThat(big.error().get("message").asText())
                    .isEqualTo("the order cannot be produced: its operations for 2000 units do not fit in the"
                            + " 3653 days a plan reaches at Glåmdal Vindu AS, with the work already planned");
            String maybe = big.error().get("maybe").asText();
            assertThat(maybe)
                    .startsWith("Maybe split it into orders of at most ")
                    .endsWith(" units (the most that fit now), or add work centres or longer shifts.");
            long most =
                    Long.parseLong(maybe.replaceFirst("^Maybe split it into orders of at most (\\d+) units.*$", "$1"));
            assertThat(most).isBetween(2L, 1999L);

            TestClient.Response oneMore = client.postWithKey(
                    "/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, (int) most + 1));
            assertThat(oneMore.status())
                    .as("one more than the most: " + oneMore.text())
                    .isEqualTo(422);
            JsonNode largest = StockApiIT.order(client, window, (int) most);
            LocalDateTime end = PlanHorizonIT.lastEnd(
                    client.get("/api/orders/" + largest.get("id").asText() + "/production")
                            .json());
            assertThat(end)
                    .as("the most that fit is planned in full, before the packing station stops")
                    .isBefore(stop);
            TestClient.Response more = client.postWithKey(
                    "/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, (int) most));
            if (more.status() != 422) {
                // the re-plan after the release may pack the plan tighter than the insertion did: then the
                // same again may fit, and is planned in full
                assertThat(more.status()).as(more.text()).isEqualTo(201);
                assertThat(PlanHorizonIT.lastEnd(client.get(
                                        "/api/orders/" + more.json().get("id").asText() + "/production")
                                .json()))
                        .as("the same again, taken, is planned in full before the stop")
                        .isBefore(stop);
            }
        } finally {
            deleteDowntime("plan-limit-it");
        }
    }

    /**
     * Takes the packing station out of service from 20 days after the later of now and the plan's last end
     * until after the longest plan ends (each test's orders fill the plan up to its stop), and returns when
     * it stops.
     */
    private static LocalDateTime packingStops(String id) {
        LocalDateTime now = server.plantNow();
        LocalDateTime last = server.server().platform().database().jdbi().withHandle(h -> h.createQuery(
                        "select max(planned_end) from planned_operations where firm_id = 'glamdal-vindu'")
                .map((rs, ctx) -> rs.getObject(1, LocalDateTime.class))
                .one());
        LocalDateTime stop = (last != null && last.isAfter(now) ? last : now).plusDays(20);
        int inserted = server.server().platform().database().jdbi().withHandle(h -> h.createUpdate(
                        "insert into downtimes (firm_id, downtime_id, work_centre_id, starts_at, ends_at, created_at)"
                                + " values ('glamdal-vindu', :id, 'pack-1', :s, :e, current_timestamp)")
                .bind("id", id)
                .bind("s", stop)
                .bind("e", now.plusDays(3700))
                .execute());
        assertThat(inserted).isEqualTo(1);
        return stop;
    }

    private static void deleteDowntime(String id) {
        server.server().platform().database().jdbi().useHandle(h -> h.createUpdate(
                        "delete from downtimes where downtime_id = :id")
                .bind("id", id)
                .execute());
    }

    /** The most units of {@code window} that fit now, as the refusal of 2000 names them. */
    static int mostThatFit(TestClient client, JsonNode window) {
        TestClient.Response big =
                client.postWithKey("/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, 2000));
        assertThat(big.status()).as(big.text()).isEqualTo(422);
        return Integer.parseInt(big.error()
                .get("maybe")
                .asText()
                .replaceFirst("^Maybe split it into orders of at most (\\d+) units.*$", "$1"));
    }

    @Test
    void an_order_accepted_but_not_yet_released_takes_its_room_before_the_next_order_is_checked() {
        LocalDateTime stop = packingStops("plan-limit-pending");
        try {
            JsonNode window = StockApiIT.window(client);
            Orders orders = server.server().platform().orders();
            // accepted, and not released yet: the moment between one request's acceptance and its release
            String key = UUID.randomUUID().toString();
            String firstBody = OrderApiIT.orderBody(window, mostThatFit(client, window));
            Orders.Placed first = orders.place(key, Json.readObject(firstBody));
            assertThat(first.created()).isTrue();

            int rest = mostThatFit(client, window);
            ApiError more = catchThrowableOfType(
                    ApiError.class,
                    () -> orders.place(
                            UUID.randomUUID().toString(), Json.readObject(OrderApiIT.orderBody(window, rest + 1))));
            assertThat(more)
                    .as("one more than fits behind the first, which waits for its release")
                    .isNotNull();
            assertThat(more.code()).isEqualTo("not_producible");
            Orders.Placed second =
                    orders.place(UUID.randomUUID().toString(), Json.readObject(OrderApiIT.orderBody(window, rest)));
            assertThat(orders.place(key, Json.readObject(firstBody)).created())
                    .as("the first request's key again is still the first order")
                    .isFalse();

            assertThat(server.server().platform().production().releasePending("glamdal-vindu"))
                    .isEqualTo(2);
            for (Orders.Placed placed : List.of(first, second)) {
                LocalDateTime end = PlanHorizonIT.lastEnd(
                        client.get("/api/orders/" + placed.order().get("id") + "/production")
                                .json());
                assertThat(end).as("both are planned in full before the stop").isBefore(stop);
            }
        } finally {
            deleteDowntime("plan-limit-pending");
        }
    }

    @Test
    void of_two_orders_placed_at_the_same_moment_that_do_not_fit_together_one_is_taken_in_full_and_one_refused()
            throws Exception {
        LocalDateTime stop = packingStops("plan-limit-at-once");
        Runnable restore = checksMeet(server.server());
        try {
            JsonNode window = StockApiIT.window(client);
            int most = mostThatFit(client, window);
            Callable<TestClient.Response> place = () ->
                    client.postWithKey("/api/orders", UUID.randomUUID().toString(), OrderApiIT.orderBody(window, most));
            List<TestClient.Response> answers = AtOnce.run(List.of(place, place));

            takenInFullAndSomeRefused(client, answers, stop);
        } finally {
            restore.run();
            deleteDowntime("plan-limit-at-once");
        }
    }

    /**
     * Makes the placement checks of {@code servers} wait for each other: each check waits up to two seconds
     * for a second check to begin before it looks at the plan. Without the firm's lock around check and
     * insert, two orders placed at once are then both checked against the plan without the other, every
     * time; with it, the second check begins only after the first order is in, and the first waits in vain.
     * Returns what restores the checks.
     */
    static Runnable checksMeet(TilpassServer... servers) {
        CountDownLatch two = new CountDownLatch(2);
        for (TilpassServer each : servers) {
            Production production = each.platform().production();
            each.platform().orders().checkProductionWith((h, firm, product, version, values, quantity) -> {
                two.countDown();
                try {
                    two.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return production.releaseProblem(h, firm, product, version, values, quantity);
            });
        }
        return () -> {
            for (TilpassServer each : servers) {
                each.platform().orders().checkProductionWith(each.platform().production()::releaseProblem);
            }
        };
    }

    /**
     * Of orders placed at once, more than fit: at least one is taken and one refused (422 {@code
     * not_producible}), nothing else, and each order taken is planned in full before {@code stop}.
     */
    static void takenInFullAndSomeRefused(TestClient reader, List<TestClient.Response> answers, LocalDateTime stop) {
        String all = answers.stream().map(TestClient.Response::text).toList().toString();
        assertThat(answers).as(all).allMatch(r -> r.status() == 201 || r.status() == 422);
        assertThat(answers).as(all).anyMatch(r -> r.status() == 201);
        assertThat(answers).as(all).anyMatch(r -> r.status() == 422);
        for (TestClient.Response r : answers) {
            if (r.status() == 422) {
                assertThat(r.error().get("code").asText()).isEqualTo("not_producible");
                continue;
            }
            LocalDateTime end = PlanHorizonIT.lastEnd(
                    reader.get("/api/orders/" + r.json().get("id").asText() + "/production")
                            .json());
            assertThat(end)
                    .as("an order taken is planned in full before the stop")
                    .isBefore(stop);
        }
    }

    @Test
    void a_packing_station_open_three_hours_a_day_takes_more_than_four_hours_of_packing_in_pieces_of_its_shifts() {
        String before = calendarOf("pack-1");
        assertThat(setCalendar("pack-1", "shifts=MON-FRI 07:00-10:00")).isEqualTo(1);
        try {
            // 60 windows: 2 + 60 × 5 = 302 minutes of packing, more than one shift
            JsonNode order = StockApiIT.order(client, StockApiIT.window(client), 60);
            JsonNode production = client.get("/api/orders/" + order.get("id").asText() + "/production")
                    .json();
            PlanHorizonIT.lastEnd(production);
            long packing = 0;
            for (JsonNode op : production.get("operations")) {
                if (!op.get("workCentreId").asText().equals("pack-1")) {
                    continue;
                }
                LocalDateTime start = LocalDateTime.parse(op.get("start").asText());
                LocalDateTime end = LocalDateTime.parse(op.get("end").asText());
                assertThat(start.toLocalTime()).as("%s", op).isAfterOrEqualTo(java.time.LocalTime.of(7, 0));
                assertThat(end.toLocalDate()).as("%s", op).isEqualTo(start.toLocalDate());
                assertThat(end.toLocalTime()).as("%s", op).isBeforeOrEqualTo(java.time.LocalTime.of(10, 0));
                packing += java.time.Duration.between(start, end).toMinutes();
            }
            assertThat(packing).isEqualTo(302);
        } finally {
            setCalendar("pack-1", before);
        }
    }
}
