package no.tilpass.server.production;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.cutting.CuttingOutcome;
import no.tilpass.engine.cutting.CuttingPlanner;
import no.tilpass.engine.cutting.CuttingRequest;
import no.tilpass.server.ApiError;
import no.tilpass.server.Json;
import no.tilpass.server.configuration.Configurations;
import org.jdbi.v3.core.Jdbi;

/**
 * Cutting plans of a firm: the profile pieces of every released order not yet cut, planned in one batch
 * per profile type ({@link CuttingPlanner}): remnants from stock first, new bars of the firm's length for
 * the profile (else the request's, else 6000 mm), kerf and end trim; used remnants leave the stock, kept
 * remnants join it, the orders are marked cut. Runs under the firm's planning lock, in one transaction.
 */
public final class CuttingPlans {
    static final int DEFAULT_BAR = 6000;

    private final Jdbi jdbi;
    private final Production production;
    private final Clock clock;

    public CuttingPlans(Jdbi jdbi, Production production, Clock clock) {
        this.jdbi = jdbi;
        this.production = production;
        this.clock = clock;
    }

    /** Plans the cutting of every released, uncut order of the firm; {@code body} holds the saw settings. */
    public Map<String, Object> plan(String firmId, JsonNode body) {
        if (!production.hasProduction(firmId)) {
            throw Production.noProduction(firmId);
        }
        int barLength = setting(body, "barLengthMm", -1, 100, 20_000);
        int kerf = setting(body, "kerfMm", 4, 0, 50);
        int trim = setting(body, "trimMm", 10, 0, 1000);
        int minRemnant = setting(body, "minRemnantMm", 500, 1, 20_000);
        int millis = setting(body, "millisPerProfile", 1000, 10, 10_000);
        return production.changePlan(firmId, h -> {
            List<Map<String, Object>> orders = h.createQuery("select p.order_id, o.order_number, p.cuts from"
                            + " production_orders p join orders o on o.order_id = p.order_id"
                            + " where p.firm_id = :f and p.cutting_plan_id is null order by o.order_number")
                    .bind("f", firmId)
                    .mapToMap()
                    .list();
            if (orders.isEmpty()) {
                throw ApiError.unprocessable(
                        "nothing_to_cut",
                        "every released order of " + firmId + " is already in a cutting plan",
                        "Maybe place an order first, or GET the latest cutting plan.");
            }
            Map<String, Integer> firmBars = new LinkedHashMap<>();
            h.createQuery("select profile, length_mm from profile_bars where firm_id = :f")
                    .bind("f", firmId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> firmBars.put(e.getKey(), e.getValue()));
            List<CuttingRequest.Piece> pieces = new ArrayList<>();
            List<String> orderIds = new ArrayList<>();
            Map<String, Long> numbers = new LinkedHashMap<>();
            for (Map<String, Object> o : orders) {
                String orderId = (String) o.get("order_id");
                orderIds.add(orderId);
                numbers.put(orderId, ((Number) o.get("order_number")).longValue());
                for (JsonNode cut : Json.parseStored((String) o.get("cuts"))) {
                    for (long k = 0; k < cut.get("pieces").asLong(); k++) {
                        pieces.add(new CuttingRequest.Piece(
                                orderId,
                                cut.get("item").asText(),
                                cut.get("profile").asText(),
                                cut.get("lengthMm").asInt()));
                    }
                }
            }
            List<CuttingRequest.Bar> bars = new ArrayList<>();
            pieces.stream()
                    .map(CuttingRequest.Piece::profile)
                    .distinct()
                    .forEach(profile -> bars.add(new CuttingRequest.Bar(
                            profile, barLength > 0 ? barLength : firmBars.getOrDefault(profile, DEFAULT_BAR))));
            List<CuttingRequest.Remnant> stock = h.createQuery(
                            "select remnant_id, profile, length_mm from remnants where firm_id = :f"
                                    + " order by length_mm, remnant_id")
                    .bind("f", firmId)
                    .map((rs, ctx) -> new CuttingRequest.Remnant(rs.getString(1), rs.getString(2), rs.getInt(3)))
                    .list();
            CuttingOutcome outcome = CuttingPlanner.plan(
                    new CuttingRequest(pieces, bars, stock, kerf, trim, minRemnant), Duration.ofMillis(millis), 1);
            if (outcome instanceof CuttingOutcome.Rejected rejected) {
                CuttingOutcome.Problem first = rejected.problems().get(0);
                throw ApiError.unprocessable("cutting_rejected", first.message(), first.maybe())
                        .where(first.where());
            }
            CuttingOutcome.Planned planned = (CuttingOutcome.Planned) outcome;
            String planId = Configurations.randomId();
            List<Map<String, Object>> profiles = new ArrayList<>();
            List<Map<String, Object>> newRemnants = new ArrayList<>();
            int remnantNo = 0;
            for (CuttingOutcome.ProfilePlan pp : planned.profiles()) {
                List<Map<String, Object>> barList = new ArrayList<>();
                for (CuttingOutcome.BarPlan b : pp.bars()) {
                    if (!b.source().equals("new")) {
                        h.createUpdate("delete from remnants where firm_id = :f and remnant_id = :id")
                                .bind("f", firmId)
                                .bind("id", b.source())
                                .execute();
                    }
                    String kept = null;
                    if (b.keptRemnant() > 0) {
                        kept = "R-" + planId.substring(0, 8) + "-" + (++remnantNo);
                        h.createUpdate("insert into remnants (firm_id, remnant_id, profile, length_mm, created_at)"
                                        + " values (:f, :id, :p, :l, :at)")
                                .bind("f", firmId)
                                .bind("id", kept)
                                .bind("p", pp.profile())
                                .bind("l", b.keptRemnant())
                                .bind(
                                        "at",
                                        clock.instant()
                                                .truncatedTo(ChronoUnit.MILLIS)
                                                .atOffset(ZoneOffset.UTC))
                                .execute();
                        newRemnants.add(Json.map("id", kept, "profile", pp.profile(), "lengthMm", b.keptRemnant()));
                    }
                    List<Map<String, Object>> cuts = new ArrayList<>();
                    for (CuttingOutcome.Cut c : b.cuts()) {
                        cuts.add(Json.map(
                                "orderId", c.orderId(),
                                "orderNumber", numbers.get(c.orderId()),
                                "item", c.itemId(),
                                "offsetMm", c.offset(),
                                "lengthMm", c.length()));
                    }
                    barList.add(Json.map(
                            "source", b.source(),
                            "lengthMm", b.length(),
                            "cuts", cuts,
                            "wasteMm", b.waste(),
                            "keptRemnantMm", b.keptRemnant(),
                            "keptRemnantId", kept));
                }
                profiles.add(Json.map(
                        "profile", pp.profile(),
                        "barLengthMm", pp.barLength(),
                        "newBars", pp.newBars(),
                        "remnantsUsed", pp.remnantsUsed(),
                        "remnantsKept", pp.remnantsKept(),
                        "wasteMm", pp.waste(),
                        "wastePercent", pp.wastePercent(),
                        "lowerBound", pp.lowerBound(),
                        "provenMinimal", pp.provenMinimal(),
                        "bars", barList));
            }
            CuttingOutcome.Totals t = planned.totals();
            Map<String, Object> plan = Json.map(
                    "id", planId,
                    "firmId", firmId,
                    "createdAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
                    "settings", Json.map("kerfMm", kerf, "trimMm", trim, "minRemnantMm", minRemnant),
                    "orders", orderIds,
                    "profiles", profiles,
                    "newRemnants", newRemnants,
                    "totals",
                            Json.map(
                                    "newBars", t.newBars(),
                                    "remnantsUsed", t.remnantsUsed(),
                                    "remnantsKept", t.remnantsKept(),
                                    "materialMm", t.material(),
                                    "pieceLengthMm", t.pieceLength(),
                                    "wasteMm", t.waste(),
                                    "wastePercent", t.wastePercent()));
            h.createUpdate("insert into cutting_plans (plan_id, firm_id, created_at, plan) values (:id, :f, :at, :p)")
                    .bind("id", planId)
                    .bind("f", firmId)
                    .bind("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                    .bind("p", Json.write(plan))
                    .execute();
            for (String orderId : orderIds) {
                h.createUpdate("update production_orders set cutting_plan_id = :p where order_id = :o")
                        .bind("p", planId)
                        .bind("o", orderId)
                        .execute();
            }
            return plan;
        });
    }

    /** The firm's latest cutting plan. */
    public JsonNode latest(String firmId) {
        return jdbi.withHandle(h -> h.createQuery(
                                "select plan from cutting_plans where firm_id = :f order by created_at desc, plan_id"
                                        + " fetch first 1 rows only")
                        .bind("f", firmId)
                        .mapTo(String.class)
                        .findOne())
                .map(Json::parseStored)
                .orElseThrow(() -> ApiError.notFound("cutting plan of firm", firmId));
    }

    /** The firm's remnants in stock. */
    public List<Map<String, Object>> remnants(String firmId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select remnant_id, profile, length_mm from remnants where firm_id = :f order by profile, length_mm")
                .bind("f", firmId)
                .map((rs, ctx) -> Json.map("id", rs.getString(1), "profile", rs.getString(2), "lengthMm", rs.getInt(3)))
                .list());
    }

    private static int setting(JsonNode body, String field, int fallback, int min, int max) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw ApiError.unprocessable(
                            "invalid_setting",
                            "\"" + field + "\" is " + n + ", not a whole number from " + min + " to " + max,
                            "Maybe \"" + field + "\": " + Math.max(min, fallback) + ".")
                    .field(field);
        }
        return n.asInt();
    }
}
