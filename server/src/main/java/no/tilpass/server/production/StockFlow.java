package no.tilpass.server.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.tilpass.engine.scheduling.Interval;
import no.tilpass.engine.space.Nearest;
import no.tilpass.server.ApiError;
import no.tilpass.server.Json;
import no.tilpass.server.configuration.Configurations;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Goods receipts and the stock movement ledger of a firm. A receipt raises an article's on-hand pieces and
 * at once covers the shortages of released orders waiting for that article, oldest order first: each
 * covered order reserves the received pieces, and an order whose last short article is now covered (or
 * arrives earlier) has its operations re-inserted greedily at the earliest free capacity from now (the
 * other orders' operations stay where they are, as in a repair: as few changes as possible); then the
 * orders queued behind, which finish after the time the covered orders left, move up into it the same
 * way, each only when it finishes earlier and never before its own material arrives. No full
 * re-plan runs here: its objective (least tardiness, then makespan) has no reason to keep an order that
 * is not late early, so it could undo the gain; the next release re-plans the firm as usual. Promised
 * dates are not changed: a promise stays a promise, the plan finishes earlier. Everything runs under the
 * firm's planning lock in one transaction.
 */
public final class StockFlow {
    /** The most pieces one receipt may carry. */
    public static final long MAX_PIECES = 1_000_000;

    static final int MAX_NOTE = 500;
    static final int MAX_MOVEMENTS = 500;

    private final Production production;
    private final Jdbi jdbi;
    private final Clock clock;

    StockFlow(Production production, Jdbi jdbi, Clock clock) {
        this.production = production;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A receipt booked now ({@code created}) or the answer given earlier under the same key. */
    public record Received(Object receipt, boolean created) {}

    /** The canonical form of a receipt request: item, pieces and note (trimmed; blank is none). */
    record Request(String item, long quantity, String note) {
        static Request of(JsonNode body) {
            JsonNode item = body.get("item");
            if (item == null || !item.isTextual() || item.asText().isBlank()) {
                throw ApiError.badRequest(
                                "missing_field",
                                "a goods receipt needs \"item\", the article's BOM item id",
                                "Maybe send {\"item\": \"motor\", \"quantity\": 10}.")
                        .field("item");
            }
            JsonNode quantity = body.get("quantity");
            if (quantity == null || !quantity.isIntegralNumber()) {
                throw ApiError.badRequest(
                                "invalid_quantity",
                                "the quantity " + quantity + " is not a whole number of pieces",
                                "Maybe send a whole number without quotes, e.g. \"quantity\": 10.")
                        .field("quantity")
                        .with("value", quantity);
            }
            if (!quantity.canConvertToLong() || quantity.longValue() < 1 || quantity.longValue() > MAX_PIECES) {
                throw ApiError.unprocessable(
                                "invalid_quantity",
                                "the quantity " + quantity.asText() + " is outside 1 to " + MAX_PIECES + " pieces",
                                quantity.bigIntegerValue().signum() < 1
                                        ? "Maybe receive at least 1 piece; a receipt only adds stock."
                                        : "Maybe book the delivery as several receipts.")
                        .field("quantity")
                        .with("value", quantity);
            }
            JsonNode note = body.get("note");
            if (note != null && !note.isNull() && !note.isTextual()) {
                throw ApiError.badRequest(
                                "invalid_field",
                                "the note is " + note + ", not text",
                                "Maybe \"note\": \"delivery 4711\".")
                        .field("note");
            }
            String text = note == null || note.isNull() || note.asText().isBlank()
                    ? null
                    : note.asText().strip();
            if (text != null && text.length() > MAX_NOTE) {
                throw ApiError.unprocessable(
                                "invalid_field",
                                "the note has " + text.length() + " characters, more than " + MAX_NOTE,
                                "Maybe shorten the note to the supplier's delivery number.")
                        .field("note");
            }
            return new Request(item.asText().strip(), quantity.longValue(), text);
        }

        List<String> differences(Request now) {
            List<String> out = new ArrayList<>();
            if (!item.equals(now.item)) {
                out.add("item: '" + item + "' then, '" + now.item + "' now");
            }
            if (quantity != now.quantity) {
                out.add("quantity: " + quantity + " then, " + now.quantity + " now");
            }
            if (!Objects.equals(note, now.note)) {
                out.add("note: " + quote(note) + " then, " + quote(now.note) + " now");
            }
            return out;
        }

        private static String quote(String s) {
            return s == null ? "null" : "'" + s + "'";
        }
    }

    /**
     * Books a goods receipt of the firm under {@code key}: on hand up, movements written, waiting orders
     * covered and re-planned (see the class comment). The same key with the same request answers the first
     * answer again; with a different request it is 422 {@code idempotency_key_reused}.
     */
    public Received receive(String firmId, String key, JsonNode body) {
        if (!production.hasProduction(firmId)) {
            throw Production.noProduction(firmId);
        }
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ApiError.badRequest(
                            "missing_idempotency_key",
                            "a goods receipt needs an Idempotency-Key header of 1 to 200 characters",
                            "Maybe send Idempotency-Key: <a new UUID> and resend it unchanged on retries.")
                    .field("Idempotency-Key");
        }
        Request request = Request.of(body);
        Received received = production.changePlan(firmId, h -> {
            LocalDateTime now = production.now();
            Optional<Map.Entry<Request, String>> earlier = h.createQuery(
                            "select item, quantity, note, answer from goods_receipts where firm_id = :f"
                                    + " and idempotency_key = :k")
                    .bind("f", firmId)
                    .bind("k", key)
                    .map((rs, ctx) ->
                            Map.entry(new Request(rs.getString(1), rs.getLong(2), rs.getString(3)), rs.getString(4)))
                    .findOne();
            if (earlier.isPresent()) {
                List<String> differences = earlier.get().getKey().differences(request);
                JsonNode answer = Json.parseStored(earlier.get().getValue());
                if (!differences.isEmpty()) {
                    throw ApiError.unprocessable(
                                    "idempotency_key_reused",
                                    "the Idempotency-Key '" + key + "' was used for goods receipt "
                                            + answer.path("id").asText() + " with a different request; differs in "
                                            + String.join("; ", differences),
                                    "Maybe use a new Idempotency-Key for a different receipt.")
                            .field("Idempotency-Key")
                            .with("receiptId", answer.path("id").asText())
                            .with("differences", differences);
                }
                return new Received(answer, false);
            }
            return new Received(book(h, firmId, key, request, now), true);
        });
        if (received.created()) {
            production.forgetView(firmId);
        }
        return received;
    }

    private Map<String, Object> book(Handle h, String firmId, String key, Request request, LocalDateTime now) {
        ArticleStock stock = Production.stock(h, firmId);
        if (stock.level(request.item()).isEmpty()) {
            List<String> items =
                    stock.levels().stream().map(ArticleStock.Level::item).toList();
            String meant = Nearest.meant(request.item(), items);
            throw ApiError.unprocessable(
                            "unknown_item",
                            "'" + request.item() + "' is not a stock-controlled article of firm " + firmId,
                            "Maybe "
                                    + (meant.isEmpty()
                                            ? "one of " + String.join(", ", items) + " (GET /api/firms/" + firmId
                                                    + "/stock)."
                                            : meant))
                    .field("item")
                    .with("value", request.item());
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String receiptId = Configurations.randomId();
        h.createUpdate("update article_stock set on_hand = on_hand + :n where firm_id = :f and item = :i")
                .bind("n", request.quantity())
                .bind("f", firmId)
                .bind("i", request.item())
                .execute();
        movement(h, firmId, "receipt", request.item(), request.quantity(), null, receiptId, request.note(), at);

        Map<String, LocalDateTime> finishBefore = new LinkedHashMap<>();
        Production.orders(h, firmId).forEach(o -> finishBefore.put(o.orderId(), o.plannedFinish()));
        List<Cover> covers = cover(h, firmId, request.item(), receiptId, at);
        Board board = production.board(h, firmId, now);
        List<Production.OpRow> ops = new ArrayList<>(Production.ops(h, firmId));
        Map<String, LocalDateTime> firstStart = new LinkedHashMap<>();
        for (Production.OpRow op : ops) {
            if (op.start() != null) {
                firstStart.merge(op.orderId(), op.start(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        LocalDateTime freedFrom = null;
        for (Cover c : covers) {
            if (!Objects.equals(c.arrivalBefore(), c.arrival())
                    && pullForward(h, board, ops, c.orderId(), Optional.ofNullable(c.arrival()))) {
                LocalDateTime from = firstStart.get(c.orderId());
                freedFrom = freedFrom == null || from.isBefore(freedFrom) ? from : freedFrom;
            }
        }
        List<String> movedUp =
                freedFrom == null ? List.of() : moveUp(h, firmId, board, ops, covers, firstStart, freedFrom);
        Map<String, LocalDateTime> finishAfter = new LinkedHashMap<>();
        Map<String, Long> numbers = new LinkedHashMap<>();
        Production.orders(h, firmId).forEach(o -> {
            finishAfter.put(o.orderId(), o.plannedFinish());
            numbers.put(o.orderId(), o.number());
        });

        List<Map<String, Object>> covered = new ArrayList<>();
        for (Cover c : covers) {
            covered.add(Json.map(
                    "orderId", c.orderId(),
                    "number", c.number(),
                    "reserved", c.reserved(),
                    "stillShort", c.stillShort(),
                    "materialArrivalBefore", text(c.arrivalBefore()),
                    "materialArrival", text(c.arrival()),
                    "plannedFinishBefore", text(finishBefore.get(c.orderId())),
                    "plannedFinish", text(finishAfter.get(c.orderId()))));
        }
        List<Map<String, Object>> moved = new ArrayList<>();
        for (String orderId : movedUp) {
            moved.add(Json.map(
                    "orderId", orderId,
                    "number", numbers.get(orderId),
                    "plannedFinishBefore", text(finishBefore.get(orderId)),
                    "plannedFinish", text(finishAfter.get(orderId))));
        }
        ArticleStock.Level level =
                Production.stock(h, firmId).level(request.item()).orElseThrow();
        Map<String, Object> answer = Json.map(
                "id", receiptId,
                "firmId", firmId,
                "item", request.item(),
                "quantity", request.quantity(),
                "note", request.note(),
                "createdAt", at.toString(),
                "article",
                        Json.map(
                                "item", level.item(),
                                "onHand", level.onHand(),
                                "reserved", level.reserved(),
                                "available", level.free(),
                                "leadTimeDays", level.leadDays()),
                "coveredOrders", covered,
                "movedUpOrders", moved);
        h.createUpdate("insert into goods_receipts (receipt_id, firm_id, idempotency_key, item, quantity, note,"
                        + " answer, created_at) values (:id, :f, :k, :i, :n, :note, :a, :at)")
                .bind("id", receiptId)
                .bind("f", firmId)
                .bind("k", key)
                .bind("i", request.item())
                .bind("n", request.quantity())
                .bind("note", request.note())
                .bind("a", Json.write(answer))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
        return answer;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** What one receipt gave one waiting order. */
    private record Cover(
            String orderId, long number, long reserved, long stillShort, LocalDate arrivalBefore, LocalDate arrival) {}

    /** Reserves the free pieces of {@code item} for the orders short of it, oldest order first. */
    private static List<Cover> cover(Handle h, String firmId, String item, String receiptId, Instant at) {
        record Waiting(String orderId, long number, long shortage, LocalDate arrival) {}
        List<Waiting> waiting = h.createQuery(
                        "select r.order_id, o.order_number, r.short, p.material_arrival from article_reservations r"
                                + " join orders o on o.order_id = r.order_id"
                                + " join production_orders p on p.order_id = r.order_id"
                                + " where r.firm_id = :f and r.item = :i and r.short > 0 order by o.order_number")
                .bind("f", firmId)
                .bind("i", item)
                .map((rs, ctx) ->
                        new Waiting(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
                .list();
        List<Cover> out = new ArrayList<>();
        for (Waiting w : waiting) {
            long free = Production.stock(h, firmId).level(item).orElseThrow().free();
            long take = Math.min(free, w.shortage());
            if (take <= 0) {
                break;
            }
            long left = w.shortage() - take;
            LocalDate expected = h.createQuery(
                            "select expected_arrival from article_reservations where order_id = :o and item = :i")
                    .bind("o", w.orderId())
                    .bind("i", item)
                    .mapTo(LocalDate.class)
                    .one();
            h.createUpdate("update article_reservations set reserved = reserved + :t, short = :s,"
                            + " expected_arrival = :a where order_id = :o and item = :i")
                    .bind("t", take)
                    .bind("s", left)
                    .bind("a", left == 0 ? null : expected)
                    .bind("o", w.orderId())
                    .bind("i", item)
                    .execute();
            h.createUpdate("update article_stock set reserved = reserved + :t where firm_id = :f and item = :i")
                    .bind("t", take)
                    .bind("f", firmId)
                    .bind("i", item)
                    .execute();
            movement(h, firmId, "reservation", item, take, w.orderId(), receiptId, null, at);
            LocalDate arrival = h.createQuery("select max(expected_arrival) from article_reservations"
                            + " where order_id = :o and short > 0")
                    .bind("o", w.orderId())
                    .mapTo(LocalDate.class)
                    .findOne()
                    .orElse(null);
            String materials = h.createQuery("select materials from production_orders where order_id = :o")
                    .bind("o", w.orderId())
                    .mapTo(String.class)
                    .one();
            h.createUpdate("update production_orders set material_arrival = :a, materials = :m where order_id = :o")
                    .bind("a", arrival)
                    .bind("m", Json.write(covered(Json.parseStored(materials), item, take, left)))
                    .bind("o", w.orderId())
                    .execute();
            out.add(new Cover(w.orderId(), w.number(), take, left, w.arrival(), arrival));
        }
        return out;
    }

    /** The order's materials with {@code take} more pieces of {@code item} reserved and {@code left} short. */
    private static JsonNode covered(JsonNode materials, String item, long take, long left) {
        JsonNode copy = materials.deepCopy();
        if (copy instanceof ArrayNode list) {
            for (JsonNode m : list) {
                if (m instanceof ObjectNode o && o.path("item").asText().equals(item)) {
                    o.put("reserved", o.path("reserved").asLong() + take);
                    o.put("short", left);
                    if (left == 0) {
                        o.putNull("expectedArrival");
                    }
                }
            }
        }
        return copy;
    }

    /**
     * After covered orders left their places (the earliest of which started at {@code freedFrom};
     * {@code firstStart} holds each order's first planned start before the receipt): every
     * other order that finishes after that time and has not started, earliest planned first, is re-inserted
     * at the earliest free capacity (never before its own material arrives) and kept there when it then
     * finishes earlier, so the orders queued behind the covered ones move up into the time they freed (and
     * into the time those free in turn). Orders that finish before {@code freedFrom} are not touched. One
     * pass; the ids of the orders moved.
     */
    private static List<String> moveUp(
            Handle h,
            String firmId,
            Board board,
            List<Production.OpRow> ops,
            List<Cover> covers,
            Map<String, LocalDateTime> firstStart,
            LocalDateTime freedFrom) {
        Set<String> covered = new HashSet<>();
        covers.forEach(c -> covered.add(c.orderId()));
        List<Production.OrderRow> queue = new ArrayList<>();
        for (Production.OrderRow order : Production.orders(h, firmId)) {
            if (!covered.contains(order.orderId())
                    && firstStart.containsKey(order.orderId())
                    && order.plannedFinish() != null
                    && order.plannedFinish().isAfter(freedFrom)) {
                queue.add(order);
            }
        }
        queue.sort(Comparator.comparing((Production.OrderRow o) -> firstStart.get(o.orderId()))
                .thenComparingLong(Production.OrderRow::number));
        List<String> moved = new ArrayList<>();
        for (Production.OrderRow order : queue) {
            if (pullForward(h, board, ops, order.orderId(), Optional.ofNullable(order.materialArrival()))) {
                moved.add(order.orderId());
            }
        }
        return moved;
    }

    /**
     * Re-inserts the not yet started operations of {@code orderId} one after another at the earliest free
     * capacity from now (or from {@code arrival}), the other orders' operations in {@code ops} fixed;
     * written (to the database and to {@code ops}) only when the order then finishes earlier, and then
     * true. An order with a started operation (or a lost part of one) is left alone.
     */
    static boolean pullForward(
            Handle h, Board board, List<Production.OpRow> ops, String orderId, Optional<LocalDate> arrival) {
        List<Production.OpRow> mine =
                ops.stream().filter(op -> op.orderId().equals(orderId)).toList();
        if (mine.isEmpty()
                || mine.stream()
                        .anyMatch(op -> op.start() == null || op.start().isBefore(board.epoch()) || op.lost())) {
            return false;
        }
        List<Production.OpRow> others =
                ops.stream().filter(op -> !op.orderId().equals(orderId)).toList();
        Map<String, List<Interval>> busy = Production.busy(board, others);
        List<Board.Need> needs = new ArrayList<>();
        String task = null;
        List<Long> chunks = null;
        for (Production.OpRow op : mine) {
            String base = op.taskId().replaceFirst("#\\d+$", "");
            if (!base.equals(task)) {
                task = base;
                chunks = new ArrayList<>();
                needs.add(new Board.Need(
                        board.lanes()
                                .get(Production.laneKey(board, op.centreId(), op.lane()))
                                .type(),
                        chunks));
            }
            chunks.add(op.minutes());
        }
        Optional<List<Board.Placement>> placed = board.insert(needs, busy, Production.ready(board, arrival));
        LocalDateTime finishBefore = mine.stream()
                .map(Production.OpRow::end)
                .max(LocalDateTime::compareTo)
                .orElseThrow();
        if (placed.isEmpty()
                || placed.get().size() != mine.size()
                || !board.time(placed.get().get(mine.size() - 1).end()).isBefore(finishBefore)) {
            return false;
        }
        for (int k = 0; k < mine.size(); k++) {
            Board.Placement p = placed.get().get(k);
            Board.Lane lane = board.lanes().get(p.lane());
            Production.OpRow op = mine.get(k);
            Production.OpRow now = op.placed(lane.centreId(), lane.lane(), board.time(p.start()), board.time(p.end()));
            h.createUpdate("update planned_operations set work_centre_id = :wc, lane = :l, planned_start = :s,"
                            + " planned_end = :e where task_id = :t")
                    .bind("wc", now.centreId())
                    .bind("l", now.lane())
                    .bind("s", now.start())
                    .bind("e", now.end())
                    .bind("t", now.taskId())
                    .execute();
            ops.set(ops.indexOf(op), now);
        }
        Production.refreshFinishes(h, List.of(orderId));
        return true;
    }

    /** Records one movement of {@code item} with the article's on-hand and reserved pieces after it. */
    static void movement(
            Handle h,
            String firmId,
            String kind,
            String item,
            long quantity,
            String orderId,
            String receiptId,
            String note,
            Instant at) {
        h.createUpdate("insert into stock_movements (firm_id, kind, item, quantity, on_hand, reserved, order_id,"
                        + " receipt_id, note, created_at) select :f, :k, :i, :q, on_hand, reserved, :o, :r, :n, :at"
                        + " from article_stock where firm_id = :f and item = :i")
                .bind("f", firmId)
                .bind("k", kind)
                .bind("i", item)
                .bind("q", quantity)
                .bind("o", orderId)
                .bind("r", receiptId)
                .bind("n", note)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** The firm's stock movements, newest first, at most {@code limit}, of one article when {@code item} is given. */
    public Map<String, Object> movements(String firmId, int limit, Optional<String> item) {
        if (!production.hasProduction(firmId)) {
            throw Production.noProduction(firmId);
        }
        int n = Math.max(1, Math.min(MAX_MOVEMENTS, limit));
        List<Map<String, Object>> list = jdbi.withHandle(h -> {
            var query = h.createQuery(
                            "select movement_id, kind, item, quantity, on_hand, reserved, order_id, receipt_id, note,"
                                    + " created_at from stock_movements where firm_id = :f"
                                    + (item.isPresent() ? " and item = :i" : "")
                                    + " order by movement_id desc limit " + n)
                    .bind("f", firmId);
            item.ifPresent(i -> query.bind("i", i));
            return query.map((rs, ctx) -> Json.map(
                            "id", rs.getLong(1),
                            "kind", rs.getString(2),
                            "item", rs.getString(3),
                            "quantity", rs.getLong(4),
                            "onHand", rs.getLong(5),
                            "reserved", rs.getLong(6),
                            "orderId", rs.getString(7),
                            "receiptId", rs.getString(8),
                            "note", rs.getString(9),
                            "at",
                                    rs.getObject(10, OffsetDateTime.class)
                                            .toInstant()
                                            .toString()))
                    .list();
        });
        return Json.map("firmId", firmId, "limit", n, "movements", list);
    }
}
