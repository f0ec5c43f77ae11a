package no.tilpass.server.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.server.ApiError;
import no.tilpass.server.Json;
import no.tilpass.server.configuration.Configurations;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Places and reads orders. The same idempotency key with the same request (see {@link Canonical}) always
 * answers the same order: a key already stored is answered from the database, and of concurrent first
 * submissions the unique constraint lets exactly one insert commit; the others read the winner's order. A
 * key reused with a different request is refused (422 {@code idempotency_key_reused}).
 */
public final class Orders {
    /** The most units one order may carry. */
    public static final int MAX_QUANTITY = 9999;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String SELECT = "select order_id, firm_id, order_number, idempotency_key, configuration_id,"
            + " configuration_revision, product_id, version, configuration_values, price, customer_name,"
            + " customer_email, status, created_at, quantity from orders";

    private final Jdbi jdbi;
    private final Configurations configurations;
    private final Clock clock;

    /**
     * Orders on {@code jdbi}; {@code plantClock} dates them ({@code createdAt}), the same clock the firm's
     * production plans on, so that an order placed on a plant clock started at a chosen time (serve --clock)
     * is dated on the day its plan and promise are.
     */
    public Orders(Jdbi jdbi, Configurations configurations, Clock plantClock) {
        this.jdbi = jdbi;
        this.configurations = configurations;
        this.clock = plantClock;
    }

    /** Why a firm cannot produce an order; see {@link #checkProductionWith}. */
    @FunctionalInterface
    public interface ProductionCheck {
        /**
         * The first reason {@code quantity} units of {@code configuration} (option name to value, as stored
         * with the order) cannot be released to the firm's production, or empty when they can or the firm has
         * no production data. Reads through {@code h}, the transaction that will insert the order, which
         * holds the firm's row lock.
         */
        Optional<Diagnostic> problem(
                Handle h,
                String firmId,
                String productId,
                int version,
                Map<String, Object> configuration,
                int quantity);
    }

    private volatile ProductionCheck productionCheck =
            (h, firm, product, version, configuration, quantity) -> Optional.empty();

    /**
     * Checks each new order against the firm's production before it is accepted: an order production could
     * not release in full (an uninterruptible operation longer than every stretch of open time of its work
     * centres, or more work than the plan's free time holds after the orders before it) is refused with
     * 422 {@code not_producible} instead of being accepted and left unplanned. The check runs in the
     * transaction that inserts the order, after it has taken the firm's row lock, so that two orders placed
     * at the same moment are checked one after the other, each seeing the one before it.
     */
    public void checkProductionWith(ProductionCheck check) {
        this.productionCheck = check;
    }

    /** An order placed now, or the one placed earlier under the same key. */
    public record Placed(Map<String, Object> order, boolean created) {}

    public Placed place(String idempotencyKey, JsonNode body) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiError.badRequest(
                            "missing_idempotency_key",
                            "an order needs an Idempotency-Key header of 1 to 200 characters",
                            "Maybe send Idempotency-Key: <a new UUID> and resend it unchanged on retries.")
                    .field("Idempotency-Key");
        }
        Optional<Map<String, Object>> existing = byKey(idempotencyKey);
        if (existing.isPresent()) {
            return new Placed(sameRequest(idempotencyKey, existing.get(), body), false);
        }
        String configurationId = text(body, "configurationId");
        JsonNode revisionNode = body.get("revision");
        if (revisionNode == null || !revisionNode.canConvertToInt()) {
            throw ApiError.badRequest(
                            "missing_field",
                            "the order needs the configuration's revision",
                            "Maybe add \"revision\": <state.revision>.")
                    .field("revision");
        }
        int quantity = quantity(body.get("quantity"));
        JsonNode customer = body.get("customer");
        String name = customer == null ? null : textOrNull(customer.get("name"));
        String email = customer == null ? null : textOrNull(customer.get("email"));
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiError.unprocessable(
                            "invalid_customer",
                            "the customer needs a name",
                            "Maybe add \"customer\": {\"name\": \"Kari Nordmann\", \"email\": \"kari@example.no\"}.")
                    .field("customer.name");
        }
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 320) {
            throw ApiError.unprocessable(
                            "invalid_customer", "'" + email + "' is not an e-mail address", "Maybe kari@example.no?")
                    .field("customer.email");
        }
        Configurations.Snapshot snapshot = configurations.snapshot(configurationId, revisionNode.asInt());
        if (!snapshot.complete()) {
            throw ApiError.unprocessable(
                            "incomplete_configuration",
                            "the configuration has open options; an order needs a complete configuration",
                            "Maybe POST /api/configurations/" + configurationId + "/complete first.")
                    .field("configurationId");
        }
        if (snapshot.price() == null) {
            throw new IllegalStateException("complete configuration " + configurationId + " has no price");
        }
        String firmId = snapshot.session().firmId();
        String orderId = Configurations.randomId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Map<String, Object>> winner;
        try {
            winner = jdbi.inTransaction(h -> {
                // the firm's row lock first: orders of one firm are checked and numbered one at a time, in
                // this process and any other on the same database, each seeing those accepted before it
                h.createQuery("select next_order_number from firms where firm_id = :f for update")
                        .bind("f", firmId)
                        .mapTo(Long.class)
                        .one();
                Optional<Map<String, Object>> first = byKey(h, idempotencyKey);
                if (first.isPresent()) {
                    return first; // the same request, accepted while this one waited for the lock
                }
                Optional<Diagnostic> problem = productionCheck.problem(
                        h,
                        firmId,
                        snapshot.session().productId(),
                        snapshot.session().version(),
                        snapshot.configuration(),
                        quantity);
                if (problem.isPresent()) {
                    throw ApiError.unprocessable(
                                    "not_producible",
                                    "the order cannot be produced: "
                                            + problem.get().message(),
                                    "Maybe " + problem.get().maybe())
                            .field("quantity");
                }
                h.createUpdate("update firms set next_order_number = next_order_number + 1 where firm_id = :f")
                        .bind("f", firmId)
                        .execute();
                long number = h.createQuery("select next_order_number - 1 from firms where firm_id = :f")
                        .bind("f", firmId)
                        .mapTo(Long.class)
                        .one();
                h.createUpdate("insert into orders (order_id, firm_id, order_number, idempotency_key, configuration_id,"
                                + " configuration_revision, product_id, version, configuration_values, price,"
                                + " customer_name, customer_email, status, created_at, quantity) values (:id, :firm,"
                                + " :number, :key, :conf, :rev, :product, :version, :values, :price, :name, :email,"
                                + " 'received', :at, :quantity)")
                        .bind("id", orderId)
                        .bind("firm", firmId)
                        .bind("number", number)
                        .bind("key", idempotencyKey)
                        .bind("conf", configurationId)
                        .bind("rev", snapshot.session().revision())
                        .bind("product", snapshot.session().productId())
                        .bind("version", snapshot.session().version())
                        .bind("values", Json.write(snapshot.configuration()))
                        .bind("price", Json.write(snapshot.price()))
                        .bind("name", name.strip())
                        .bind("email", email.strip())
                        .bind("at", now.atOffset(ZoneOffset.UTC))
                        .bind("quantity", quantity)
                        .execute();
                return Optional.<Map<String, Object>>empty();
            });
        } catch (UnableToExecuteStatementException e) {
            Optional<Map<String, Object>> other = byKey(idempotencyKey);
            if (other.isPresent()) {
                return new Placed(sameRequest(idempotencyKey, other.get(), body), false);
            }
            throw e;
        }
        if (winner.isPresent()) {
            return new Placed(sameRequest(idempotencyKey, winner.get(), body), false);
        }
        return new Placed(byKey(idempotencyKey).orElseThrow(), true);
    }

    /**
     * The canonical form of an order request: what names the order, with defaults applied and text
     * trimmed. {@code configurationId} and {@code revision} together name the decisions and the product
     * version exactly (a configuration's revision never changes once made, and an order is accepted only
     * against the current revision), so two requests with equal canonical forms order the same thing.
     * Fields that cannot be read are null here; validation reports them when the key is new.
     */
    record Canonical(String configurationId, Integer revision, Integer quantity, String name, String email) {
        static Canonical of(JsonNode body) {
            JsonNode revision = body.get("revision");
            JsonNode quantity = body.get("quantity");
            JsonNode customer = body.get("customer");
            String name = customer == null ? null : textOrNull(customer.get("name"));
            String email = customer == null ? null : textOrNull(customer.get("email"));
            return new Canonical(
                    textOrNull(body.get("configurationId")),
                    revision != null && revision.canConvertToInt() ? revision.asInt() : null,
                    quantity == null || quantity.isNull()
                            ? Integer.valueOf(1)
                            : quantity.isIntegralNumber() && quantity.canConvertToInt() ? quantity.intValue() : null,
                    name == null ? null : name.strip(),
                    email == null ? null : email.strip().toLowerCase(Locale.ROOT));
        }

        /** The canonical form of the request an {@code order} (as {@link #get} answers it) was placed with. */
        @SuppressWarnings("unchecked")
        static Canonical of(Map<String, Object> order) {
            Map<String, Object> customer = (Map<String, Object>) order.get("customer");
            return new Canonical(
                    (String) order.get("configurationId"),
                    (Integer) order.get("revision"),
                    (Integer) order.get("quantity"),
                    ((String) customer.get("name")).strip(),
                    ((String) customer.get("email")).strip().toLowerCase(Locale.ROOT));
        }

        /** The fields where {@code now} differs from this, as {@code field: then → now}, in request order. */
        List<String> differences(Canonical now) {
            List<String> out = new ArrayList<>();
            difference(out, "configurationId", configurationId, now.configurationId);
            difference(out, "revision", revision, now.revision);
            difference(out, "quantity", quantity, now.quantity);
            difference(out, "customer.name", name, now.name);
            difference(out, "customer.email", email, now.email);
            return out;
        }

        private static void difference(List<String> out, String field, Object then, Object now) {
            if (!Objects.equals(then, now)) {
                out.add(field + ": " + quote(then) + " then, " + quote(now) + " now");
            }
        }

        private static String quote(Object value) {
            return value instanceof String ? "'" + value + "'" : String.valueOf(value);
        }
    }

    /**
     * The order placed earlier under {@code key} when {@code body} asks for the same order (equal {@link
     * Canonical} forms); else 422 naming the key and what differs.
     */
    private static Map<String, Object> sameRequest(String key, Map<String, Object> order, JsonNode body) {
        List<String> differences = Canonical.of(order).differences(Canonical.of(body));
        if (differences.isEmpty()) {
            return order;
        }
        throw ApiError.unprocessable(
                        "idempotency_key_reused",
                        "the Idempotency-Key '" + key + "' was used for order " + order.get("number") + " ("
                                + order.get("id") + ") with a different request; differs in "
                                + String.join("; ", differences),
                        "Maybe use a new Idempotency-Key for a different order, or resend the first request"
                                + " unchanged to read order " + order.get("id") + ".")
                .field("Idempotency-Key")
                .with("orderId", order.get("id"))
                .with("differences", differences);
    }

    public Map<String, Object> get(String orderId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where order_id = :id")
                        .bind("id", orderId)
                        .map((rs, ctx) -> order(rs))
                        .findOne())
                .orElseThrow(() -> ApiError.notFound("order", orderId));
    }

    /** The orders of a firm, newest first. */
    public List<Map<String, Object>> ofFirm(String firmId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where firm_id = :f order by order_number desc")
                .bind("f", firmId)
                .map((rs, ctx) -> order(rs))
                .list());
    }

    private Optional<Map<String, Object>> byKey(String key) {
        return jdbi.withHandle(h -> byKey(h, key));
    }

    private static Optional<Map<String, Object>> byKey(Handle h, String key) {
        return h.createQuery(SELECT + " where idempotency_key = :k")
                .bind("k", key)
                .map((rs, ctx) -> order(rs))
                .findOne();
    }

    private static Map<String, Object> order(ResultSet rs) throws SQLException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", rs.getString("order_id"));
        o.put("number", rs.getLong("order_number"));
        o.put("firmId", rs.getString("firm_id"));
        o.put("productId", rs.getString("product_id"));
        o.put("version", rs.getInt("version"));
        o.put("configurationId", rs.getString("configuration_id"));
        o.put("revision", rs.getInt("configuration_revision"));
        o.put("configuration", Json.parseStored(rs.getString("configuration_values")));
        int quantity = rs.getInt("quantity");
        o.put("quantity", quantity);
        o.put("price", orderPrice(Json.parseStored(rs.getString("price")), quantity));
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", rs.getString("customer_name"));
        customer.put("email", rs.getString("customer_email"));
        o.put("customer", customer);
        o.put(
                "createdAt",
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
        o.put("status", rs.getString("status"));
        return o;
    }

    /**
     * The ordered quantity: absent or null is 1; otherwise a whole number from 1 to {@link #MAX_QUANTITY}.
     * Not a whole number is 400, a whole number out of range 422, both naming the field and the value.
     */
    static int quantity(JsonNode node) {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isIntegralNumber()) {
            throw ApiError.badRequest(
                            "invalid_quantity",
                            "the quantity " + node + " is not a whole number",
                            "Maybe send a whole number of units without quotes, e.g. \"quantity\": 12.")
                    .field("quantity")
                    .with("value", node);
        }
        if (!node.canConvertToInt() || node.intValue() < 1 || node.intValue() > MAX_QUANTITY) {
            throw ApiError.unprocessable(
                            "invalid_quantity",
                            "the quantity " + node.asText() + " is outside 1 to " + MAX_QUANTITY,
                            node.bigIntegerValue().signum() < 1
                                    ? "Maybe order at least 1 unit, e.g. \"quantity\": 1."
                                    : "Maybe split the order into orders of at most " + MAX_QUANTITY + " units.")
                    .field("quantity")
                    .with("value", node);
        }
        return node.intValue();
    }

    /**
     * The stored price of one unit (the configuration's price: lines and total unchanged) with the ordered
     * {@code quantity} and {@code orderTotal}, the unit total times the quantity.
     */
    private static JsonNode orderPrice(JsonNode stored, int quantity) {
        if (!(stored instanceof ObjectNode unit) || !unit.path("total").isNumber()) {
            return stored;
        }
        ObjectNode price = unit.deepCopy();
        price.put("quantity", quantity);
        BigDecimal orderTotal = unit.get("total").decimalValue().multiply(BigDecimal.valueOf(quantity));
        if (unit.get("total").isIntegralNumber()) {
            price.put("orderTotal", orderTotal.toBigIntegerExact());
        } else {
            price.put("orderTotal", orderTotal);
        }
        return price;
    }

    private static String text(JsonNode body, String field) {
        String value = textOrNull(body.get(field));
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest(
                            "missing_field",
                            "the order needs \"" + field + "\"",
                            "Maybe add \"" + field + "\": \"...\".")
                    .field(field);
        }
        return value;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
