package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A planner changes a work centre's shift calendar under a live plan: holidays and shorter shifts move the
 * work they close, pieces longer than the new shifts are cut again, the plan passes the independent plan
 * checker, and a calendar the open work cannot be planned on is refused with nothing changed. Each test
 * changes a different work centre, so their order does not matter.
 */
class CalendarIT {

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    private static final String FIRM = "/api/firms/glamdal-vindu";

    private static JsonNode calendar(String centre) {
        TestClient.Response r = client.get(FIRM + "/work-centres/" + centre + "/calendar");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static TestClient.Response change(String centre, List<String> shifts, List<String> holidays) {
        return client.put(
                FIRM + "/work-centres/" + centre + "/calendar",
                TestClient.json(Map.of("shifts", shifts, "holidays", holidays)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The plan of the next 400 days, after the independent plan checker found nothing wrong in it. */
    private static JsonNode checkedPlan() {
        JsonNode plan = client.get(FIRM + "/plan?days=400").json();
        assertThat(ProductionApiIT.PlanChecker.problems(plan))
                .as(plan.toString())
                .isEmpty();
        return plan;
    }

    private static List<JsonNode> operations(JsonNode plan, String centre) {
        List<JsonNode> ops = new ArrayList<>();
        for (JsonNode o : plan.get("orders")) {
            for (JsonNode op : o.get("operations")) {
                if (op.get("workCentreId").asText().equals(centre)) {
                    ops.add(op);
                }
            }
        }
        return ops;
    }

    /** The days after today of {@code plan} on which one of {@code ops} starts. */
    private static TreeSet<LocalDate> busyDays(JsonNode plan, List<JsonNode> ops) {
        LocalDate today = LocalDate.parse(plan.get("now").asText().substring(0, 10));
        TreeSet<LocalDate> busy = new TreeSet<>();
        for (JsonNode op : ops) {
            LocalDate day = LocalDate.parse(op.get("start").asText().substring(0, 10));
            if (day.isAfter(today)) {
                busy.add(day);
            }
        }
        return busy;
    }

    /** The planned finish of every order in the plan, by order id. */
    private static Map<String, String> finishes(JsonNode plan) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode o : plan.get("orders")) {
            out.put(o.get("orderId").asText(), o.get("plannedFinish").asText());
        }
        return out;
    }

    @Test
    void the_calendar_of_a_work_centre_shows_its_shifts_holidays_downtime_and_open_time_per_week() {
        JsonNode cnc = calendar("cnc-1");
        assertThat(texts(cnc.get("shifts"))).containsExactly("MON-FRI 06:00-22:00");
        assertThat(cnc.get("openMinutesPerWeek").asLong()).isEqualTo(5 * 16 * 60);
        assertThat(texts(cnc.get("holidays"))).contains("2026-12-24", "2027-05-17");
        assertThat(cnc.get("chunkMinutes").asLong()).isEqualTo(240);

        JsonNode paint = calendar("paint-1");
        assertThat(paint.get("downtime").get(0).get("from").asText()).isEqualTo("2026-12-07T07:00");
        assertThat(paint.get("downtime").get(0).get("source").asText()).isEqualTo("file");
        JsonNode pack = calendar("pack-1");
        assertThat(texts(pack.get("shifts"))).containsExactly("MON-FRI 07:00-15:00");
        assertThat(pack.get("openMinutesPerWeek").asLong()).isEqualTo(5 * 8 * 60);
    }

    @Test
    void holidays_on_days_with_planned_work_move_that_work_off_them_and_list_the_orders_that_moved() {
        StockApiIT.order(client, StockApiIT.window(client), 16);
        JsonNode before = checkedPlan();
        TreeSet<LocalDate> busy = busyDays(before, operations(before, "saw-1"));
        // early on a working day the saw cuts 16 windows before the day is over: order until it has work after
        // today, whatever the hour the test runs at
        for (int more = 0; busy.isEmpty() && more < 6; more++) {
            StockApiIT.order(client, StockApiIT.window(client), 60);
            before = checkedPlan();
            busy = busyDays(before, operations(before, "saw-1"));
        }
        assertThat(busy)
                .as("the saw has work after today (" + before.get("now").asText() + "): " + operations(before, "saw-1"))
                .isNotEmpty();
        JsonNode old = calendar("saw-1");
        List<String> holidays = new ArrayList<>(texts(old.get("holidays")));
        busy.forEach(d -> holidays.add(d.toString()));

        TestClient.Response r = change("saw-1", texts(old.get("shifts")), holidays);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.get("status").asText()).isEqualTo("repaired");
        assertThat(answer.get("changedOperations").asInt()).isPositive();
        assertThat(texts(answer.get("holidays")))
                .containsAll(busy.stream().map(LocalDate::toString).toList());
        assertThat(texts(calendar("saw-1").get("holidays"))).as("stored").isEqualTo(texts(answer.get("holidays")));
        JsonNode after = checkedPlan();
        for (JsonNode op : operations(after, "saw-1")) {
            LocalDate day = LocalDate.parse(op.get("start").asText().substring(0, 10));
            assertThat(busy).as("nothing planned on a new holiday: " + op).doesNotContain(day);
        }
        Map<String, String> was = finishes(before);
        Map<String, String> now = finishes(after);
        List<String> moved = new ArrayList<>();
        answer.get("movedOrders").forEach(m -> {
            moved.add(m.get("orderId").asText());
            assertThat(m.get("plannedFinishBefore").asText())
                    .isEqualTo(was.get(m.get("orderId").asText()));
            assertThat(m.get("plannedFinish").asText())
                    .isEqualTo(now.get(m.get("orderId").asText()));
        });
        List<String> changed = new ArrayList<>();
        was.forEach((id, finish) -> {
            if (!finish.equals(now.get(id))) {
                changed.add(id);
            }
        });
        assertThat(moved).as("exactly the orders whose finish moved").containsExactlyInAnyOrderElementsOf(changed);

        TestClient.Response again = change("saw-1", texts(old.get("shifts")), holidays);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("status").asText())
                .as("the same calendar again")
                .isEqualTo("unchanged");
        assertThat(again.json().get("changedOperations").asInt()).isZero();
        assertThat(again.json().get("movedOrders")).isEmpty();
        assertThat(finishes(checkedPlan())).isEqualTo(now);
    }

    @Test
    void shorter_shifts_cut_the_planned_pieces_to_fit_them_and_keep_every_minute_and_unit() {
        // the window's paint is uninterruptible per unit (pieces of whole frames), the door's is not
        StockApiIT.order(client, StockApiIT.window(client), 24);
        JsonNode before = checkedPlan();
        LocalDateTime then = LocalDateTime.parse(before.get("now").asText());
        long minutesBefore = 0;
        boolean longPiece = false;
        for (JsonNode op : operations(before, "paint-1")) {
            minutesBefore += op.get("minutes").asLong();
            longPiece |= op.get("minutes").asLong() > 180
                    && LocalDateTime.parse(op.get("start").asText()).isAfter(then);
        }
        assertThat(longPiece)
                .as("a paint piece longer than three hours ahead: " + before)
                .isTrue();
        JsonNode old = calendar("paint-1");

        TestClient.Response r = change("paint-1", List.of("MON-FRI 07:00-10:00"), texts(old.get("holidays")));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.get("chunkMinutes").asLong()).isEqualTo(180);
        assertThat(answer.get("openMinutesPerWeek").asLong()).isEqualTo(5 * 180);
        assertThat(answer.get("splitOperations").asInt()).isPositive();
        assertThat(answer.get("status").asText()).isEqualTo("repaired");
        assertThat(answer.get("downtime").get(0).get("from").asText())
                .as("the file's downtime kept")
                .isEqualTo("2026-12-07T07:00");
        JsonNode after = checkedPlan(); // the checker also counts every order's painted units
        LocalDateTime now = LocalDateTime.parse(after.get("now").asText());
        long minutesAfter = 0;
        for (JsonNode op : operations(after, "paint-1")) {
            minutesAfter += op.get("minutes").asLong();
            LocalDateTime s = LocalDateTime.parse(op.get("start").asText());
            if (s.isAfter(now)) {
                assertThat(op.get("minutes").asLong()).as(op.toString()).isLessThanOrEqualTo(180);
                assertThat(s.toLocalTime().getHour())
                        .as("within 07:00-10:00: " + op)
                        .isBetween(7, 9);
            }
        }
        assertThat(minutesAfter).as("no minute lost, none added").isEqualTo(minutesBefore);
    }

    @Test
    void a_factory_closing_adds_holidays_to_every_work_centre_with_one_repair_and_can_be_called_off() {
        StockApiIT.order(client, StockApiIT.window(client), 8);
        JsonNode before = checkedPlan();
        List<JsonNode> all = new ArrayList<>();
        before.get("orders").forEach(o -> o.get("operations").forEach(all::add));
        TreeSet<LocalDate> busy = busyDays(before, all);
        List<String> closing = busy.stream().limit(3).map(LocalDate::toString).toList();
        assertThat(closing).as("work planned after today: " + before).isNotEmpty();

        TestClient.Response r = client.patch(FIRM + "/holidays", TestClient.json(Map.of("add", closing)));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(texts(r.json().get("added"))).isEqualTo(closing);
        assertThat(r.json().get("status").asText()).isEqualTo("repaired");
        assertThat(r.json().get("movedOrders"))
                .as("work moved off three working days")
                .isNotEmpty();
        assertThat(r.json().get("movedOrders").findValuesAsText("late"))
                .as("an order the closing makes late: " + r.text())
                .contains("true");
        for (String centre : texts(r.json().get("workCentres"))) {
            assertThat(texts(calendar(centre).get("holidays"))).as(centre).containsAll(closing);
        }
        JsonNode after = checkedPlan();
        LocalDateTime now = LocalDateTime.parse(after.get("now").asText());
        for (JsonNode o : after.get("orders")) {
            for (JsonNode op : o.get("operations")) {
                if (LocalDateTime.parse(op.get("start").asText()).isAfter(now)) {
                    assertThat(closing)
                            .as(op.toString())
                            .doesNotContain(op.get("start").asText().substring(0, 10));
                }
            }
        }

        TestClient.Response off = client.patch(FIRM + "/holidays", TestClient.json(Map.of("remove", closing)));

        assertThat(off.status()).as(off.text()).isEqualTo(200);
        assertThat(off.json().get("status").asText()).isEqualTo("repaired");
        List<String> lateBefore = new ArrayList<>();
        before.get("orders").forEach(o -> {
            if (o.get("late").asBoolean()) {
                lateBefore.add(o.get("orderId").asText());
            }
        });
        for (JsonNode o : checkedPlan().get("orders")) {
            if (!lateBefore.contains(o.get("orderId").asText())) {
                assertThat(o.get("late").asBoolean())
                        .as("the days open again bring every order on time before back on time: " + off.text())
                        .isFalse();
            }
        }
        for (String centre : texts(off.json().get("workCentres"))) {
            assertThat(texts(calendar(centre).get("holidays"))).as(centre).doesNotContainAnyElementsOf(closing);
        }
        TestClient.Response bad = client.patch(FIRM + "/holidays", "{\"add\":[\"2027-01-04\",\"2027-02-30\"]}");
        assertThat(bad.status()).as(bad.text()).isEqualTo(422);
        assertThat(bad.json().get("error").get("field").asText()).isEqualTo("add[1]");
        assertThat(bad.json().get("error").get("message").asText()).contains("2027-02-30");
        TestClient.Response none = client.patch(FIRM + "/holidays", "{}");
        assertThat(none.status()).as(none.text()).isEqualTo(400);
        assertThat(none.json().get("error").get("maybe").asText()).startsWith("Maybe");
    }

    @Test
    void bad_calendars_are_refused_with_the_field_the_value_and_a_fix_and_nothing_changes() {
        JsonNode old = calendar("glaze-1");
        record Case(List<String> shifts, List<String> holidays, String field, String value) {}
        for (Case c : List.of(
                new Case(List.of("MON-FRI 7-15"), List.of(), "shifts[0]", "7-15"),
                new Case(List.of("MON-FRI 07:00-15:00", "MONDAY 07:00-15:00"), List.of(), "shifts[1]", "MONDAY"),
                new Case(List.of("SAT 08:00-08:00"), List.of(), "shifts[0]", "08:00"),
                new Case(List.of(), List.of(), "shifts", "never be open"),
                new Case(
                        List.of("MON-FRI 07:00-15:00"),
                        List.of("2026-12-24", "2026-13-01"),
                        "holidays[1]",
                        "2026-13-01"))) {
            TestClient.Response r = change("glaze-1", c.shifts(), c.holidays());
            assertThat(r.status()).as(r.text()).isEqualTo(422);
            JsonNode e = r.json().get("error");
            assertThat(e.get("code").asText()).isEqualTo("invalid_calendar");
            assertThat(e.get("field").asText()).as(r.text()).isEqualTo(c.field());
            assertThat(e.get("message").asText()).as(r.text()).contains(c.value());
            assertThat(e.get("maybe").asText()).as(r.text()).startsWith("Maybe");
        }
        TestClient.Response missing = client.put(FIRM + "/work-centres/glaze-1/calendar", "{\"shifts\":[]}");
        assertThat(missing.status()).as(missing.text()).isEqualTo(400);
        assertThat(missing.json().get("error").get("field").asText()).isEqualTo("holidays");
        TestClient.Response unknown = change("no-such-centre", List.of("MON-FRI 07:00-15:00"), List.of());
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(404);
        assertThat(calendar("glaze-1")).as("nothing stored").isEqualTo(old);
    }

    @Test
    void a_calendar_on_which_the_open_work_cannot_be_planned_is_refused_and_the_plan_is_kept() {
        JsonNode s0 = client.post("/api/configurations", "{\"productId\":\"exterior_door\"}")
                .json();
        JsonNode door = client.post(
                        "/api/configurations/" + s0.get("id").asText() + "/complete",
                        "{\"revision\":" + s0.get("revision").asInt() + "}")
                .json();
        StockApiIT.order(client, door, 12);
        JsonNode before = checkedPlan();
        long longest = operations(before, "press-1").stream()
                .filter(op -> op.get("uninterruptible").asBoolean())
                .mapToLong(op -> op.get("minutes").asLong())
                .max()
                .orElse(0);
        assertThat(longest).as("a pressing longer than two hours: " + before).isGreaterThan(120);
        JsonNode old = calendar("press-1");

        TestClient.Response r = change("press-1", List.of("MON-FRI 07:00-09:00"), texts(old.get("holidays")));

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        JsonNode e = r.json().get("error");
        assertThat(e.get("code").asText()).isEqualTo("calendar_not_plannable");
        assertThat(e.get("message").asText())
                .as(r.text())
                .contains("press-1")
                .contains("takes " + longest + " minutes in one piece");
        assertThat(e.get("maybe").asText()).startsWith("Maybe");
        assertThat(calendar("press-1")).as("nothing stored").isEqualTo(old);
        assertThat(finishes(checkedPlan())).as("the plan kept").isEqualTo(finishes(before));
    }
}
