package no.tilpass.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Order quantities: an order is a number of units of one configuration; its price, production order,
 * cutting and plan cover them all.
 */
class OrderQuantityApiIT {
    private static final String FIRM = "glamdal-vindu";

    @RegisterExtension
    static final ServerUnderTest server = ServerUnderTest.perClass().withProperty("tilpass.planSeconds", "1");

    static final TestClient client = server.client();

    private static JsonNode place(String body) {
        return OrderApiIT.placed(client, body);
    }

    private static JsonNode production(JsonNode order) {
        TestClient.Response r = client.get("/api/orders/" + order.get("id").asText() + "/production");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** A value per key of the array's elements, summed (cuts and operations may repeat a key). */
    private static Map<String, Long> sum(JsonNode array, String value, String... key) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode e : array) {
            StringBuilder k = new StringBuilder();
            for (String part : key) {
                k.append(e.path(part).asText()).append('|');
            }
            out.merge(k.toString(), e.get(value).asLong(), Long::sum);
        }
        return out;
    }

    @Test
    void an_order_without_a_quantity_is_one_unit_priced_as_the_configuration() {
        JsonNode state = OrderApiIT.completeWindow(client);

        JsonNode order = place(OrderApiIT.orderBody(state));

        assertThat(order.get("quantity").asInt()).isEqualTo(1);
        JsonNode price = order.get("price");
        assertThat(price.get("total").decimalValue())
                .isEqualByComparingTo(state.get("price").get("total").decimalValue());
        assertThat(price.get("lines")).isEqualTo(state.get("price").get("lines"));
        assertThat(price.get("quantity").asInt()).isEqualTo(1);
        assertThat(price.get("orderTotal").decimalValue())
                .isEqualByComparingTo(price.get("total").decimalValue());
        assertThat(production(order).get("quantity").asInt()).isEqualTo(1);
    }

    @Test
    void three_units_triple_the_price_bom_materials_and_cuts_and_add_run_time_but_not_setup_time() {
        JsonNode state = OrderApiIT.completeWindow(client);

        JsonNode one = place(OrderApiIT.orderBody(state, 1));
        JsonNode three = place(OrderApiIT.orderBody(state, 3));

        assertThat(three.get("quantity").asInt()).isEqualTo(3);
        assertThat(OrderApiIT.asAccepted(
                        client.get("/api/orders/" + three.get("id").asText()).json()))
                .isEqualTo(OrderApiIT.asAccepted(three));
        BigDecimal unit = state.get("price").get("total").decimalValue();
        assertThat(three.get("price").get("total").decimalValue())
                .as("price.total stays the unit price")
                .isEqualByComparingTo(unit);
        assertThat(three.get("price").get("orderTotal").decimalValue())
                .isEqualByComparingTo(unit.multiply(BigDecimal.valueOf(3)));
        assertThat(client.get("/api/firms/" + FIRM + "/orders").json())
                .filteredOn(o -> o.get("id").equals(three.get("id")))
                .singleElement()
                .satisfies(o -> assertThat(o.get("quantity").asInt()).isEqualTo(3));

        JsonNode p1 = production(one);
        JsonNode p3 = production(three);
        assertThat(p3.get("quantity").asInt()).isEqualTo(3);

        Map<String, Long> bom1 = sum(p1.get("bom"), "quantity", "path");
        Map<String, Long> bom3 = sum(p3.get("bom"), "quantity", "path");
        assertThat(bom1).isNotEmpty();
        assertThat(bom3).containsOnlyKeys(bom1.keySet());
        bom1.forEach(
                (path, q) -> assertThat(bom3.get(path)).as("BOM line " + path).isEqualTo(3 * q));
        assertThat(sum(p3.get("bom"), "perUnit", "path")).isEqualTo(bom1);

        Map<String, Long> materials1 = sum(p1.get("materials"), "quantity", "item");
        Map<String, Long> materials3 = sum(p3.get("materials"), "quantity", "item");
        assertThat(materials1).isNotEmpty();
        assertThat(materials3).containsOnlyKeys(materials1.keySet());
        materials1.forEach(
                (item, q) -> assertThat(materials3.get(item)).as(item).isEqualTo(3 * q));

        Map<String, Long> cuts1 = sum(p1.get("cuts"), "pieces", "profile", "lengthMm", "item");
        Map<String, Long> cuts3 = sum(p3.get("cuts"), "pieces", "profile", "lengthMm", "item");
        assertThat(cuts1).isNotEmpty();
        assertThat(cuts3).containsOnlyKeys(cuts1.keySet());
        cuts1.forEach((cut, n) -> assertThat(cuts3.get(cut)).as("cut " + cut).isEqualTo(3 * n));

        // minutes = setup + per unit x quantity, so from m1 = s + r and m3 = s + 3r: r = (m3 - m1) / 2, s = m1 - r
        Map<String, Long> minutes1 = sum(p1.get("operations"), "minutes", "operation");
        Map<String, Long> minutes3 = sum(p3.get("operations"), "minutes", "operation");
        assertThat(minutes1).isNotEmpty();
        assertThat(minutes3).containsOnlyKeys(minutes1.keySet());
        long withSetup = 0;
        long withRun = 0;
        for (Map.Entry<String, Long> op : minutes1.entrySet()) {
            long m1 = op.getValue();
            long m3 = minutes3.get(op.getKey());
            assertThat((m3 - m1) % 2)
                    .as("operation " + op.getKey() + ": " + m1 + " then " + m3)
                    .isZero();
            long run = (m3 - m1) / 2;
            long setup = m1 - run;
            assertThat(run).as("per-unit minutes of " + op.getKey()).isNotNegative();
            assertThat(setup).as("setup minutes of " + op.getKey()).isNotNegative();
            withSetup += setup > 0 ? 1 : 0;
            withRun += run > 0 ? 1 : 0;
        }
        assertThat(withRun).as("operations whose time grows with the quantity").isPositive();
        assertThat(withSetup)
                .as("operations with a setup counted once, not three times: " + minutes1 + " vs " + minutes3)
                .isPositive();
        assertThat(minutes3.values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThan(
                        minutes1.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void a_large_order_is_promised_later_than_one_unit_ordered_just_before_and_cut_piece_by_piece() {
        JsonNode state = OrderApiIT.completeWindow(client);

        JsonNode one = place(OrderApiIT.orderBody(state, 1));
        JsonNode many = place(OrderApiIT.orderBody(state, 60));

        LocalDate promisedOne =
                LocalDate.parse(one.get("production").get("promisedDate").asText());
        LocalDate promisedMany =
                LocalDate.parse(many.get("production").get("promisedDate").asText());
        assertThat(promisedMany).as("60 windows take days more work than one").isAfter(promisedOne);
        JsonNode plan = client.get("/api/firms/" + FIRM + "/plan").json();
        assertThat(plan.get("orders"))
                .filteredOn(o -> o.get("orderId").equals(many.get("id")))
                .singleElement()
                .satisfies(o -> assertThat(o.get("quantity").asInt()).isEqualTo(60));

        TestClient.Response cut =
                client.post("/api/firms/" + FIRM + "/cutting-plans", "{\"kerfMm\":4,\"millisPerProfile\":200}");
        assertThat(cut.status()).as(cut.text()).isEqualTo(201);
        Map<String, Long> pieces = new LinkedHashMap<>();
        for (JsonNode profile : cut.json().get("profiles")) {
            for (JsonNode bar : profile.get("bars")) {
                for (JsonNode c : bar.get("cuts")) {
                    assertThat(c.get("item").asText()).isNotBlank();
                    pieces.merge(c.get("orderId").asText(), 1L, Long::sum);
                }
            }
        }
        long perUnit = production(one).get("cuts").findValues("pieces").stream()
                .mapToLong(JsonNode::asLong)
                .sum();
        assertThat(perUnit).isPositive();
        assertThat(pieces.get(one.get("id").asText())).isEqualTo(perUnit);
        assertThat(pieces.get(many.get("id").asText())).isEqualTo(60 * perUnit);
    }

    @ParameterizedTest(name = "quantity {0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0|422",
                "-2|422",
                "10000|422",
                "99999999999|422",
                "1.5|400",
                "\"x\"|400",
                "\"3\"|400",
                "[2]|400",
                "true|400"
            })
    void a_quantity_that_is_not_a_whole_number_from_1_to_9999_is_refused_naming_the_field_and_value(
            String quantity, int status) {
        JsonNode state = OrderApiIT.completeWindow(client);
        int before = client.get("/api/firms/" + FIRM + "/orders").json().size();
        String body =
                OrderApiIT.orderBody(state).replace(",\"customer\":", ",\"quantity\":" + quantity + ",\"customer\":");

        TestClient.Response r =
                client.postWithKey("/api/orders", UUID.randomUUID().toString(), body);

        assertThat(r.status()).as(r.text()).isEqualTo(status);
        JsonNode error = r.error();
        assertThat(error.get("code").asText()).isEqualTo("invalid_quantity");
        assertThat(error.get("field").asText()).isEqualTo("quantity");
        assertThat(error.get("value").toString()).isEqualTo(quantity);
        assertThat(error.get("message").asText()).contains(quantity.replace("\"", ""));
        assertThat(error.get("maybe").asText()).startsWith("Maybe");
        assertThat(client.get("/api/firms/" + FIRM + "/orders").json().size()).isEqualTo(before);
    }

    @Test
    void replaying_a_key_answers_the_order_first_placed_under_it_and_another_quantity_under_it_is_422() {
        JsonNode state = OrderApiIT.completeWindow(client);
        String key = UUID.randomUUID().toString();

        TestClient.Response first = client.postWithKey("/api/orders", key, OrderApiIT.orderBody(state, 3));
        TestClient.Response again = client.postWithKey("/api/orders", key, OrderApiIT.orderBody(state, 3));
        TestClient.Response other = client.postWithKey("/api/orders", key, OrderApiIT.orderBody(state, 5));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(OrderApiIT.asAccepted(again.json())).isEqualTo(OrderApiIT.asAccepted(first.json()));
        assertThat(other.status()).as(other.text()).isEqualTo(422);
        assertThat(other.error().get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(other.error().get("message").asText()).contains("quantity: 3 then, 5 now");
        long placed = client.get("/api/firms/" + FIRM + "/orders").json().findValuesAsText("configurationId").stream()
                .filter(id -> id.equals(state.get("id").asText()))
                .count();
        assertThat(placed).isEqualTo(1);
    }
}
