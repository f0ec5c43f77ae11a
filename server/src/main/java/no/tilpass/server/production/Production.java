package no.tilpass.server.production;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import no.tilpass.engine.bom.Explosion;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.production.OrderRelease;
import no.tilpass.engine.production.ProductionData;
import no.tilpass.engine.scheduling.Interval;
import no.tilpass.engine.scheduling.Job;
import no.tilpass.engine.scheduling.Operation;
import no.tilpass.engine.scheduling.Repair;
import no.tilpass.engine.scheduling.Schedule;
import no.tilpass.engine.scheduling.ScheduleResult;
import no.tilpass.engine.scheduling.Scheduler;
import no.tilpass.engine.scheduling.SchedulerSettings;
import no.tilpass.engine.scheduling.SchedulingProblem;
import no.tilpass.engine.scheduling.WorkCentre;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.server.ApiError;
import no.tilpass.server.Json;
import no.tilpass.server.catalogue.Catalogue;
import no.tilpass.server.catalogue.CompiledModel;
import no.tilpass.server.catalogue.Firm;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order to production for every firm with production data. Releasing orders, planning, cutting and
 * repair of one firm run one at a time (a lock per firm in this process, and the firm's row lock in the
 * database across processes: {@link #changePlan}), so concurrent orders never overbook a work centre and none
 * is lost; capable-to-promise reads an immutable view of the live plan without the lock, rebuilt when the
 * firm's plan revision moves.
 *
 * <p>Planning: every released, unfinished order is one job whose operations run in routing order (the
 * release order of its tasks, a topological order of the routing's precedences), each operation on the
 * lane chosen at release, split into chunks of at most {@link Board#CHUNK_MINUTES} (shorter where the
 * shifts of its work-centre type are: {@link Board#chunkMinutes}). Operations that have
 * started are frozen. A new order is first inserted greedily into the free time of the plan (its
 * promised date is that finish) in the request that places it; then, in the background ({@link Replans}),
 * all open work is re-planned by {@link Scheduler#solve} (least total tardiness against the promised dates,
 * then makespan), and the new plan is kept only when it is not worse than the greedy one and nothing changed
 * the plan while it was solved.
 */
public final class Production {
    private static final Logger LOG = LoggerFactory.getLogger(Production.class);
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");
    /** Days the planning board reaches beyond the last planned operation (see {@link #board}). */
    static final int HORIZON_DAYS = 180;
    /** The longest board an order that needs more room than that grows it to (ten years). */
    static final int MAX_HORIZON_DAYS = OrderRelease.MAX_PLAN_DAYS;

    private static final long MINUTES_PER_DAY = 24 * 60;
    private static final Duration VIEW_TTL = Duration.ofMinutes(5);
    /** How stale a view may be against changes by another process on the same database (D22). */
    private static final Duration REVISION_CHECK = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final Catalogue catalogue;
    private final Clock clock;
    private final SchedulerSettings settings;
    /** The settings of a background re-plan that runs under the lock: at most {@link #LOCKED_REPLAN_LIMIT}. */
    private final SchedulerSettings lockedSettings;

    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, View> views = new ConcurrentHashMap<>();
    /** Background re-plans in a row that found the plan changed under them, per firm (see {@link #replanAfterRelease}). */
    private final Map<String, Integer> overtaken = new ConcurrentHashMap<>();

    private final AtomicLong landed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong underLock = new AtomicLong();

    private final StockFlow stockFlow;
    private final Replans replans;

    public Production(Jdbi jdbi, Catalogue catalogue, Clock clock, Duration planLimit) {
        this.jdbi = jdbi;
        this.catalogue = catalogue;
        this.clock = clock;
        this.settings = SchedulerSettings.defaults()
                .withTimeLimit(planLimit)
                .withWorkers(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        this.lockedSettings =
                settings.withTimeLimit(planLimit.compareTo(LOCKED_REPLAN_LIMIT) < 0 ? planLimit : LOCKED_REPLAN_LIMIT);
        this.stockFlow = new StockFlow(this, jdbi, clock);
        this.replans = new Replans(this::replanAfterRelease);
    }

    /** Stops the background re-plans (before the database closes). */
    public void close() {
        replans.close();
    }

    /**
     * Waits until no background re-plan after a release waits or runs in this process, at most {@code limit};
     * whether none does. For tests and benchmarks that compare plans across a change.
     */
    public boolean awaitQuietPlans(Duration limit) {
        return replans.awaitQuiet(limit);
    }

    /** Goods receipts and the stock movement ledger of the firms. */
    public StockFlow stockFlow() {
        return stockFlow;
    }

    /** The planning time limit from {@code -Dtilpass.planSeconds} (default 5 seconds). */
    public static Duration planLimitFromProperties() {
        String s = System.getProperty("tilpass.planSeconds", "5");
        try {
            return Duration.ofMillis(Math.max(200, (long) (Double.parseDouble(s) * 1000)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(5);
        }
    }

    // ------------------------------------------------------------------ rows

    /** Marks the id of an uninterruptible operation planned again whole after a stop (and only those). */
    static final String RESTARTED = "/restarted@";

    record OpRow(
            String taskId,
            String orderId,
            int position,
            String operation,
            String description,
            String centreId,
            int lane,
            long minutes,
            LocalDateTime start,
            LocalDateTime end,
            boolean uninterruptible,
            boolean lost,
            long units,
            long unitMinutes) {
        /** The minutes of a piece of a per-unit operation before its units: the setup, in the first piece. */
        long leadMinutes() {
            return minutes - units * unitMinutes;
        }

        /** The same operation planned on lane {@code lane} of {@code centreId} from {@code start} to {@code end}. */
        OpRow placed(String centreId, int lane, LocalDateTime start, LocalDateTime end) {
            return new OpRow(
                    taskId,
                    orderId,
                    position,
                    operation,
                    description,
                    centreId,
                    lane,
                    minutes,
                    start,
                    end,
                    uninterruptible,
                    lost,
                    units,
                    unitMinutes);
        }
    }

    record OrderRow(
            String orderId,
            long number,
            LocalDate promised,
            LocalDateTime plannedFinish,
            String cutPlan,
            long quantity,
            LocalDate materialArrival) {}

    /**
     * An immutable view of a firm's plan for capable-to-promise, as of plan revision {@code revision};
     * {@code checked} is when that revision was last found current.
     */
    private record View(
            Instant built,
            long revision,
            Instant checked,
            Board board,
            Map<String, List<Interval>> busy,
            ProductionData data,
            ArticleStock stock,
            Promises promises) {
        View checkedAt(Instant at) {
            return new View(built, revision, at, board, busy, data, stock, promises);
        }
    }

    // ------------------------------------------------------------------ seeding

    /**
     * Seeds the production data of every firm that has a bundled {@code models/production/<firm>.properties}
     * and no work centres yet; then releases orders placed but not released (after a crash between the
     * order and its release). Returns the ids of the firms seeded.
     */
    public List<String> seed() {
        List<String> seeded = new ArrayList<>();
        for (Firm f : catalogue.firms()) {
            Optional<ProductionFile> file = ProductionFile.bundled(f.id());
            if (file.isEmpty()) {
                continue;
            }
            boolean done = changePlan(f.id(), h -> {
                long have = h.createQuery("select count(*) from work_centres where firm_id = :f")
                        .bind("f", f.id())
                        .mapTo(Long.class)
                        .one();
                if (have > 0) {
                    long articles = h.createQuery("select count(*) from article_stock where firm_id = :f")
                            .bind("f", f.id())
                            .mapTo(Long.class)
                            .one();
                    if (articles == 0) {
                        insertStock(h, f.id(), file.get());
                    }
                    return false;
                }
                insert(h, f.id(), file.get());
                return true;
            });
            if (done) {
                seeded.add(f.id());
            }
            releasePending(f.id());
        }
        return seeded;
    }

    private void insert(Handle h, String firmId, ProductionFile file) {
        int position = 0;
        for (ProductionFile.Centre c : file.centres()) {
            h.createUpdate(
                            "insert into work_centres (firm_id, work_centre_id, position, type, name, capacity, calendar)"
                                    + " values (:f, :id, :p, :t, :n, :c, :cal)")
                    .bind("f", firmId)
                    .bind("id", c.id())
                    .bind("p", position++)
                    .bind("t", c.type())
                    .bind("n", c.name())
                    .bind("c", c.capacity())
                    .bind("cal", c.calendar())
                    .execute();
        }
        for (Map.Entry<String, Integer> b : file.bars().entrySet()) {
            h.createUpdate("insert into profile_bars (firm_id, profile, length_mm) values (:f, :p, :l)")
                    .bind("f", firmId)
                    .bind("p", b.getKey())
                    .bind("l", b.getValue())
                    .execute();
        }
        for (ProductionFile.Remnant r : file.remnants()) {
            insertRemnant(h, firmId, r.id(), r.profile(), r.lengthMm());
        }
        insertStock(h, firmId, file);
    }

    private static void insertStock(Handle h, String firmId, ProductionFile file) {
        for (ProductionFile.Stock a : file.stock()) {
            h.createUpdate("insert into article_stock (firm_id, item, on_hand, reserved, lead_days)"
                            + " values (:f, :i, :n, 0, :d)")
                    .bind("f", firmId)
                    .bind("i", a.item())
                    .bind("n", a.onHand())
                    .bind("d", a.leadDays())
                    .execute();
        }
    }

    static ArticleStock stock(Handle h, String firmId) {
        return new ArticleStock(h.createQuery(
                        "select item, on_hand, reserved, lead_days from article_stock where firm_id = :f order by item")
                .bind("f", firmId)
                .map((rs, ctx) -> new ArticleStock.Level(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
                .list());
    }

    private void insertRemnant(Handle h, String firmId, String id, String profile, int length) {
        h.createUpdate("insert into remnants (firm_id, remnant_id, profile, length_mm, created_at)"
                        + " values (:f, :id, :p, :l, :at)")
                .bind("f", firmId)
                .bind("id", id)
                .bind("p", profile)
                .bind("l", length)
                .bind("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Whether the firm has production data. */
    public boolean hasProduction(String firmId) {
        return !centres(firmId).isEmpty();
    }

    /**
     * Runs {@code change} in one transaction under the firm's lock, and returns what it returns. Every change
     * of a firm's production goes through here. The lock is two: this process's Java lock per firm keeps its
     * threads in line, and the transaction's first statement bumps the firm's plan revision, which takes the
     * firm's row lock until commit and does the same for other server processes on the same database; each
     * change then reads what the one before it committed (D22).
     */
    <T> T changePlan(String firmId, HandleCallback<T, RuntimeException> change) {
        synchronized (locks.computeIfAbsent(firmId, k -> new Object())) {
            return jdbi.inTransaction(h -> {
                lockPlan(h, firmId);
                return change.withHandle(h);
            });
        }
    }

    private static void lockPlan(Handle h, String firmId) {
        h.createUpdate("update firms set plan_revision = plan_revision + 1 where firm_id = :f")
                .bind("f", firmId)
                .execute();
    }

    private static long planRevision(Handle h, String firmId) {
        return h.createQuery("select plan_revision from firms where firm_id = :f")
                .bind("f", firmId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    /** The minute it is now on the plant's clock ({@link #plantMinute}). */
    public LocalDateTime now() {
        return plantMinute(clock.instant());
    }

    /**
     * The plant's wall-clock minute at {@code instant} (Europe/Oslo), never going back. Plans are on the wall
     * clock, where the hour repeated when summer time ends (02:00-03:00, the second time) exists once: in that
     * second hour the minute stands at 03:00, so an operation started in the first hour stays started and
     * nothing is planned into time the plan has passed. That night the plant has an hour more than planned (the
     * plan stays kept); the hour skipped when summer time starts is closed on every work centre ({@link
     * Board#of}).
     */
    static LocalDateTime plantMinute(Instant instant) {
        ZonedDateTime at = instant.atZone(ZONE);
        LocalDateTime local = at.toLocalDateTime();
        ZoneOffsetTransition fold = ZONE.getRules().getTransition(local);
        if (fold != null && fold.isOverlap() && at.getOffset().equals(fold.getOffsetAfter())) {
            local = fold.getDateTimeBefore();
        }
        return local.truncatedTo(ChronoUnit.MINUTES);
    }

    List<Board.Centre> centres(String firmId) {
        return jdbi.withHandle(h -> centres(h, firmId));
    }

    static List<Board.Centre> centres(Handle h, String firmId) {
        return h.createQuery(
                        "select work_centre_id, type, name, capacity, calendar from work_centres where firm_id = :f"
                                + " order by position")
                .bind("f", firmId)
                .map((rs, ctx) -> new Board.Centre(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
    }

    static List<Board.Downtime> downtimes(Handle h, String firmId) {
        return h.createQuery("select work_centre_id, starts_at, ends_at from downtimes where firm_id = :f"
                        + " order by starts_at, downtime_id")
                .bind("f", firmId)
                .map((rs, ctx) -> new Board.Downtime(
                        rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class)))
                .list();
    }

    /**
     * The firm's planning board from {@code now}: {@link #HORIZON_DAYS} days beyond the later of now and the
     * last planned end of its operations, so that a full order book still leaves room for the next order
     * (a fixed horizon would promise the orders that no longer fit at its end, with no time planned for them).
     */
    Board board(Handle h, String firmId, LocalDateTime now) {
        return board(h, firmId, now, centres(h, firmId));
    }

    /** {@link #board(Handle, String, LocalDateTime)} for a caller that has read the firm's work centres. */
    static Board board(Handle h, String firmId, LocalDateTime now, List<Board.Centre> centres) {
        List<LocalDateTime> last = h.createQuery("select max(planned_end) from planned_operations where firm_id = :f")
                .bind("f", firmId)
                .map((rs, ctx) -> rs.getObject(1, LocalDateTime.class))
                .list();
        LocalDateTime end = last.isEmpty() ? null : last.get(0);
        long beyond = end == null || !end.isAfter(now)
                ? 0
                : Duration.between(now, end).toDays() + 1;
        return Board.of(now, Math.toIntExact(HORIZON_DAYS + beyond), centres, downtimes(h, firmId));
    }

    static List<OpRow> ops(Handle h, String firmId) {
        return h.createQuery(
                        "select task_id, order_id, position, operation, description, work_centre_id, lane, minutes,"
                                + " planned_start, planned_end, uninterruptible, lost, units, unit_minutes"
                                + " from planned_operations"
                                + " where firm_id = :f"
                                + " order by order_id, position")
                .bind("f", firmId)
                .map((rs, ctx) -> new OpRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getLong(8),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getObject(10, LocalDateTime.class),
                        rs.getBoolean(11),
                        rs.getBoolean(12),
                        rs.getLong(13),
                        rs.getLong(14)))
                .list();
    }

    static List<OrderRow> orders(Handle h, String firmId) {
        return h.createQuery("select p.order_id, o.order_number, p.promised_date, p.planned_finish, p.cutting_plan_id,"
                        + " p.quantity, p.material_arrival from production_orders p join orders o on o.order_id = p.order_id"
                        + " where p.firm_id = :f order by o.order_number")
                .bind("f", firmId)
                .map((rs, ctx) -> new OrderRow(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDateTime.class),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getObject(7, LocalDate.class)))
                .list();
    }

    /** The firm's production data; messages name the firm by its display name. */
    private ProductionData data(String firmId, List<Board.Centre> centres) {
        List<ProductionData.WorkCentre> wcs = new ArrayList<>();
        for (Board.Centre c : centres) {
            wcs.add(new ProductionData.WorkCentre(
                    c.id(), c.type(), c.capacity(), ProductionFile.calendar("work centre " + c.id(), c.calendar())));
        }
        return new ProductionData(firmName(firmId), wcs, ProductionData.MaterialStock.empty());
    }

    /** The firm's display name, as messages and documents name it; its id when it has none. */
    private String firmName(String firmId) {
        return catalogue.firm(firmId).map(Firm::name).orElse(firmId);
    }

    /** The planned busy time per lane (minutes of {@code board}), operations that end after the epoch. */
    static Map<String, List<Interval>> busy(Board board, List<OpRow> ops) {
        Map<String, List<Interval>> busy = new LinkedHashMap<>();
        for (OpRow op : ops) {
            if (op.start() == null || op.end() == null || !op.end().isAfter(board.epoch())) {
                continue;
            }
            String key = laneKey(board, op.centreId(), op.lane());
            long s = Math.max(0, board.minutes(op.start()));
            busy.computeIfAbsent(key, k -> new ArrayList<>()).add(new Interval(s, board.minutes(op.end())));
        }
        return busy;
    }

    static String laneKey(Board board, String centreId, int lane) {
        return board.lanes().containsKey(centreId) ? centreId : centreId + "#" + lane;
    }

    // ------------------------------------------------------------------ release and planning

    /**
     * Releases every order of the firm that is not yet released (idempotent: an order is released once),
     * inserts it greedily into the plan, gives it its promised date, and re-plans the firm. Returns the
     * number of orders released now (0 when another thread released them first).
     */
    public int releasePending(String firmId) {
        if (!hasProduction(firmId)) {
            return 0;
        }
        if (pending(firmId).isEmpty()) {
            return 0;
        }
        int released = changePlan(firmId, h -> {
            List<Map<String, Object>> pending =
                    pending(firmId, h); // again: another thread or process may have released
            if (pending.isEmpty()) {
                return 0;
            }
            LocalDateTime now = now();
            List<Board.Centre> centres = centres(h, firmId);
            Board board = board(h, firmId, now, centres);
            ProductionData data = data(firmId, centres);
            Map<String, List<Interval>> busy = busy(board, ops(h, firmId));
            ArticleStock stock = stock(h, firmId);
            int count = 0;
            for (Map<String, Object> row : pending) {
                if (release(h, firmId, board, data, busy, stock, row, now)) {
                    count++;
                }
            }
            return count;
        });
        views.remove(firmId);
        if (released > 0) {
            replans.request(firmId);
        }
        return released;
    }

    /** A consistent read of what a re-plan starts from: the plan revision first, then the open work. */
    private record Snapshot(long revision, Board board, Optional<Problem> problem) {}

    /** Optimistic background re-plans that may find the plan changed before one runs under the lock. */
    private static final int OPTIMISTIC_REPLANS = 3;

    /**
     * The most a background re-plan under the lock solves (orders placed meanwhile wait for it); the next
     * optimistic re-plan, once orders pause, solves for the full planning time.
     */
    private static final Duration LOCKED_REPLAN_LIMIT = Duration.ofSeconds(1);

    /**
     * The re-plan after releases, on {@link Replans}' thread: the open work is read, solved outside the firm's
     * lock (orders placed meanwhile do not wait for the solver) and written under it only when the plan has
     * not changed since it was read (the plan revision) and the minute is the same (operations that started
     * meanwhile would be frozen). Otherwise it is dropped: an order released meanwhile asked for another
     * re-plan, a downtime or calendar change re-planned itself, and a turned minute asks for one again.
     * After {@value #OPTIMISTIC_REPLANS} dropped in a row, the next runs under the lock as a downtime does,
     * for at most {@link #LOCKED_REPLAN_LIMIT}, so a steady stream of orders cannot starve it.
     */
    private void replanAfterRelease(String firmId) {
        replanAfterRelease(firmId, () -> {});
    }

    /** {@link #replanAfterRelease(String)}, running {@code whileSolved} after the solver, before the write. */
    void replanAfterRelease(String firmId, Runnable whileSolved) {
        if (overtaken.getOrDefault(firmId, 0) >= OPTIMISTIC_REPLANS) {
            changePlan(firmId, h -> {
                replan(h, firmId, now(), lockedSettings);
                return null;
            });
            overtaken.remove(firmId);
            views.remove(firmId);
            underLock.incrementAndGet();
            return;
        }
        LocalDateTime now = now();
        Snapshot s = jdbi.withHandle(h -> {
            long revision = planRevision(h, firmId);
            Board board = board(h, firmId, now);
            return new Snapshot(revision, board, problem(h, firmId, board));
        });
        Optional<Schedule> next = s.problem().flatMap(q -> solve(firmId, q, settings));
        if (next.isEmpty()) {
            overtaken.remove(firmId);
            return;
        }
        whileSolved.run();
        boolean landed;
        boolean sameMinute;
        synchronized (locks.computeIfAbsent(firmId, k -> new Object())) {
            sameMinute = now().equals(now);
            // read before the write's transaction, whose first statement bumps the revision: a re-plan dropped
            // in this process leaves the revision (and so the views and other snapshots) as it is
            landed = sameMinute
                    && jdbi.withHandle(h -> planRevision(h, firmId)) == s.revision()
                    && jdbi.inTransaction(h -> {
                        lockPlan(h, firmId);
                        if (planRevision(h, firmId) != s.revision() + 1) {
                            return false; // another server process changed the plan meanwhile
                        }
                        write(h, s.board(), s.problem().get(), next.get());
                        return true;
                    });
        }
        if (landed) {
            overtaken.remove(firmId);
            views.remove(firmId);
            this.landed.incrementAndGet();
            return;
        }
        overtaken.merge(firmId, 1, Integer::sum);
        dropped.incrementAndGet();
        if (!sameMinute) {
            replans.request(firmId); // nothing else asks for it again
        }
        LOG.debug("background re-plan of {} dropped: the plan or the minute changed while it was solved", firmId);
    }

    /**
     * How the background re-plans after releases of this process went.
     *
     * @param landed written after solving outside the lock
     * @param dropped solved, then dropped because the plan or the minute changed meanwhile
     * @param underLock run under the lock (for at most a second) after {@value #OPTIMISTIC_REPLANS} dropped in a
     *     row
     */
    public record Replanned(long landed, long dropped, long underLock) {}

    /** The counts of the background re-plans so far. */
    public Replanned replanned() {
        return new Replanned(landed.get(), dropped.get(), underLock.get());
    }

    private List<Map<String, Object>> pending(String firmId) {
        return jdbi.withHandle(h -> pending(firmId, h));
    }

    /** The orders of the firm placed but not released, in order-number order. */
    private static List<Map<String, Object>> pending(String firmId, Handle h) {
        return h.createQuery(
                        "select o.order_id, o.product_id, o.version, o.configuration_values, o.quantity from orders o"
                                + " left join production_orders p on p.order_id = o.order_id"
                                + " where o.firm_id = :f and p.order_id is null order by o.order_number")
                .bind("f", firmId)
                .mapToMap()
                .list();
    }

    private boolean release(
            Handle h,
            String firmId,
            Board given,
            ProductionData data,
            Map<String, List<Interval>> busy,
            ArticleStock stock,
            Map<String, Object> row,
            LocalDateTime now) {
        String orderId = (String) row.get("order_id");
        Optional<OrderRelease.Release> r = releaseOf(data, row, now);
        if (r.isEmpty()) {
            LOG.warn(
                    "order {} names product {} version {}, which is not in the catalogue",
                    orderId,
                    row.get("product_id"),
                    row.get("version"));
            return false;
        }
        if (r.get() instanceof OrderRelease.Release.Rejected rejected) {
            LOG.warn("order {} cannot be released: {}", orderId, rejected.problems());
            return false;
        }
        OrderRelease.ProductionOrder po = ((OrderRelease.Release.Released) r.get()).order();
        List<ArticleStock.Line> articles = stock.reserve(po.materials(), now.toLocalDate());
        Optional<LocalDate> arrival = ArticleStock.arrival(articles);
        Insertion insertion = insert(h, firmId, given, given.needs(po), busy, arrival);
        Board board = insertion.board();
        Optional<List<Board.Placement>> placed = insertion.placed();
        LocalDateTime start = arrival.map(a -> a.atStartOfDay().isAfter(now) ? a.atStartOfDay() : now)
                .orElse(now);
        LocalDateTime finish = placed.map(p ->
                        p.isEmpty() ? start : board.time(p.get(p.size() - 1).end()))
                .orElse(board.time(board.horizon()));
        List<Map<String, Object>> cuts = new ArrayList<>();
        for (OrderRelease.ProfileNeed p : po.profiles()) {
            for (Explosion.Cut c : p.cuts()) {
                cuts.add(Json.map(
                        "profile", c.profile(), "lengthMm", c.lengthMm(), "pieces", c.pieces(), "item", c.item()));
            }
        }
        List<Map<String, Object>> bom = new ArrayList<>();
        for (Explosion.Line l : po.bom()) {
            Map<String, Object> m = Json.map(
                    "path", l.path(),
                    "item", l.item(),
                    "description", l.description(),
                    "level", l.level(),
                    "quantity", l.totalQuantity() * po.quantity(),
                    "perUnit", l.totalQuantity(),
                    "unit", l.unit(),
                    "profile", l.profile().isEmpty() ? null : l.profile(),
                    "component", l.component());
            m.put("lengthMm", l.lengthMm().isPresent() ? l.lengthMm().getAsLong() : null);
            bom.add(m);
        }
        List<Map<String, Object>> materials = new ArrayList<>();
        for (ArticleStock.Line m : articles) {
            materials.add(Json.map(
                    "item", m.item(),
                    "description", m.description(),
                    "quantity", m.needed(),
                    "stockControlled", m.controlled(),
                    "reserved", m.reserved(),
                    "short", m.shortage(),
                    "expectedArrival", m.arrival().map(LocalDate::toString).orElse(null)));
        }
        h.createUpdate("insert into production_orders (order_id, firm_id, quantity, promised_date, planned_finish, bom,"
                        + " materials, cuts, released_at, material_arrival)"
                        + " values (:o, :f, :q, :p, :pf, :b, :m, :c, :at, :ma)")
                .bind("o", orderId)
                .bind("f", firmId)
                .bind("q", po.quantity())
                .bind("p", finish.toLocalDate())
                .bind("pf", finish)
                .bind("b", Json.write(bom))
                .bind("m", Json.write(materials))
                .bind("c", Json.write(cuts))
                .bind("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .bind("ma", arrival.orElse(null))
                .execute();
        for (ArticleStock.Line m : articles) {
            if (!m.controlled()) {
                continue;
            }
            int taken = h.createUpdate("update article_stock set reserved = reserved + :n"
                            + " where firm_id = :f and item = :i and on_hand - reserved >= :n")
                    .bind("n", m.reserved())
                    .bind("f", firmId)
                    .bind("i", m.item())
                    .execute();
            if (taken != 1) {
                throw new IllegalStateException("article " + m.item() + " of " + firmId
                        + " changed during the release of order " + orderId + "; the release is rolled back");
            }
            h.createUpdate("insert into article_reservations (order_id, item, firm_id, needed, reserved, short,"
                            + " expected_arrival) values (:o, :i, :f, :n, :r, :s, :a)")
                    .bind("o", orderId)
                    .bind("i", m.item())
                    .bind("f", firmId)
                    .bind("n", m.needed())
                    .bind("r", m.reserved())
                    .bind("s", m.shortage())
                    .bind("a", m.arrival().orElse(null))
                    .execute();
            if (m.reserved() > 0) {
                StockFlow.movement(
                        h,
                        firmId,
                        "reservation",
                        m.item(),
                        m.reserved(),
                        orderId,
                        null,
                        null,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS));
            }
        }
        int position = 0;
        int placement = 0;
        for (OrderRelease.Task t : po.tasks()) {
            List<Board.Piece> chunks = board.pieces(t);
            for (int k = 0; k < chunks.size(); k++) {
                Board.Placement p = placed.isPresent() ? placed.get().get(placement) : null;
                placement++;
                Board.Lane lane = p != null
                        ? board.lanes().get(p.lane())
                        : board.lanesOfType(t.workCentreType()).get(0);
                if (p != null) {
                    occupy(busy, p);
                }
                h.createUpdate("insert into planned_operations (task_id, firm_id, order_id, position, operation,"
                                + " description, work_centre_id, lane, minutes, planned_start, planned_end,"
                                + " uninterruptible, units, unit_minutes) values"
                                + " (:id, :f, :o, :pos, :op, :d, :wc, :lane, :min, :s, :e, :u, :units, :um)")
                        .bind("id", chunks.size() == 1 ? t.id() : t.id() + "#" + (k + 1))
                        .bind("f", firmId)
                        .bind("o", orderId)
                        .bind("pos", position++)
                        .bind("op", t.operation())
                        .bind("d", t.description())
                        .bind("wc", lane.centreId())
                        .bind("lane", lane.lane())
                        .bind("min", chunks.get(k).minutes())
                        .bind("s", p == null ? null : board.time(p.start()))
                        .bind("e", p == null ? null : board.time(p.end()))
                        .bind("u", t.uninterruptible())
                        .bind("units", chunks.get(k).units() > 0 ? chunks.get(k).units() : null)
                        .bind("um", chunks.get(k).units() > 0 ? chunks.get(k).unitMinutes() : null)
                        .execute();
            }
        }
        return true;
    }

    /**
     * What releasing the order of a {@link #pending} row would give now, or empty when its product version is
     * not in the catalogue.
     */
    private Optional<OrderRelease.Release> releaseOf(ProductionData data, Map<String, Object> row, LocalDateTime now) {
        Optional<CompiledModel> model =
                catalogue.model((String) row.get("product_id"), ((Number) row.get("version")).intValue());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> configuration = configuration(Json.parseStored((String) row.get("configuration_values")));
        long quantity = ((Number) row.get("quantity")).longValue();
        return Optional.of(OrderRelease.release(
                data,
                new OrderRelease.Order(
                        (String) row.get("order_id"),
                        model.get().model(),
                        configuration,
                        quantity,
                        now.toLocalDate())));
    }

    /** Where an order's needs went: the board they were inserted on, and their places (empty: none fitted). */
    private record Insertion(Board board, Optional<List<Board.Placement>> placed) {}

    /**
     * Inserts {@code needs} into the free time of {@code given} from the arrival of short material, growing
     * the board (same epoch, so {@code busy} stays valid) up to its longest while they do not fit. Does not
     * mark them busy: see {@link #occupy}.
     */
    private static Insertion insert(
            Handle h,
            String firmId,
            Board given,
            List<Board.Need> needs,
            Map<String, List<Interval>> busy,
            Optional<LocalDate> arrival) {
        Board grown = given;
        Optional<List<Board.Placement>> placed = grown.insert(needs, busy, ready(grown, arrival));
        while (placed.isEmpty() && grown.horizon() < MAX_HORIZON_DAYS * MINUTES_PER_DAY) {
            grown = Board.of(
                    grown.epoch(),
                    (int) Math.min(MAX_HORIZON_DAYS, 2 * (grown.horizon() / MINUTES_PER_DAY)),
                    centres(h, firmId),
                    downtimes(h, firmId));
            placed = grown.insert(needs, busy, ready(grown, arrival));
        }
        return new Insertion(grown, placed);
    }

    private static void occupy(Map<String, List<Interval>> busy, Board.Placement p) {
        busy.computeIfAbsent(p.lane(), x -> new ArrayList<>()).add(new Interval(p.start(), p.end()));
    }

    /**
     * The first reason {@code quantity} units of {@code values} of a product version cannot be released to
     * the firm's production, or empty when they can, the firm has no production data or the version is
     * unknown (the release then logs it as before). The reasons are {@link OrderRelease#release}'s
     * rejection, and an order that fits neither the usual board nor the longest one with the work already
     * planned and the orders accepted before it and not yet released (each inserted as its release will
     * insert it: from now, or from when its short material arrives, the stock reserved in order).
     *
     * <p>Reads through {@code h}, the transaction that accepts the order: when that transaction holds the
     * firm's row lock (as {@code Orders.place} does), no order accepted at the same moment can take the room
     * this check found, in this process or another, until the order is in.
     */
    public Optional<Diagnostic> releaseProblem(
            Handle h, String firmId, String productId, int version, Map<String, Object> values, long quantity) {
        List<Board.Centre> centres = centres(h, firmId);
        Optional<CompiledModel> model = catalogue.model(productId, version);
        if (centres.isEmpty() || model.isEmpty()) {
            return Optional.empty();
        }
        ProductionData data = data(firmId, centres);
        Map<String, String> configuration = configuration(Json.mapper().valueToTree(values));
        LocalDateTime now = now();
        LongFunction<OrderRelease.Release> release = q -> OrderRelease.release(
                data, new OrderRelease.Order("check", model.get().model(), configuration, q, now.toLocalDate()));
        OrderRelease.Release r = release.apply(quantity);
        if (r instanceof OrderRelease.Release.Rejected rejected) {
            return rejected.problems().stream().findFirst();
        }
        OrderRelease.ProductionOrder po = ((OrderRelease.Release.Released) r).order();
        // the release inserts each order into the free time of the board from when its material is there,
        // grown up to its longest when needed: the same insertions here, the accepted orders first, so that
        // an order no board can hold is refused, not accepted with its operations unplanned
        Board usual = board(h, firmId, now, centres);
        Map<String, List<Interval>> busy = busy(usual, ops(h, firmId));
        ArticleStock stock = stock(h, firmId);
        for (Map<String, Object> row : pending(firmId, h)) {
            Optional<OrderRelease.Release> earlier = releaseOf(data, row, now);
            if (earlier.isPresent() && earlier.get() instanceof OrderRelease.Release.Released released) {
                Optional<LocalDate> arrival =
                        ArticleStock.arrival(stock.reserve(released.order().materials(), now.toLocalDate()));
                insert(h, firmId, usual, usual.needs(released.order()), busy, arrival)
                        .placed()
                        .ifPresent(places -> places.forEach(p -> occupy(busy, p)));
            }
        }
        if (fits(usual, busy, stock, po, now)) {
            return Optional.empty();
        }
        Board board = Board.of(now, MAX_HORIZON_DAYS, centres, downtimes(h, firmId));
        if (fits(board, busy, stock, po, now)) {
            return Optional.empty();
        }
        long most = 0;
        long tooMany = quantity;
        while (tooMany - most > 1) {
            long q = most + (tooMany - most) / 2;
            if (release.apply(q) instanceof OrderRelease.Release.Released released
                    && fits(board, busy, stock, released.order(), now)) {
                most = q;
            } else {
                tooMany = q;
            }
        }
        return Optional.of(new Diagnostic(
                model.get().model().file(),
                0,
                0,
                "its operations for " + quantity + " units do not fit in the " + MAX_HORIZON_DAYS
                        + " days a plan reaches at " + data.firm() + ", with the work already planned",
                "",
                (most >= 1 ? "split it into orders of at most " + most + " units (the most that fit now), or " : "")
                        + "add work centres or longer shifts."));
    }

    /** Whether {@code po} fits {@code board} from the arrival of its short material, as the release inserts it. */
    private static boolean fits(
            Board board,
            Map<String, List<Interval>> busy,
            ArticleStock stock,
            OrderRelease.ProductionOrder po,
            LocalDateTime now) {
        Optional<LocalDate> arrival = ArticleStock.arrival(stock.copy().reserve(po.materials(), now.toLocalDate()));
        return board.insert(board.needs(po), busy, ready(board, arrival)).isPresent();
    }

    /** The minute of {@code board} from which an order whose short articles arrive on {@code arrival} may start. */
    static long ready(Board board, Optional<LocalDate> arrival) {
        return arrival.map(a -> Math.min(board.horizon(), Math.max(0, board.minutes(a.atStartOfDay()))))
                .orElse(0L);
    }

    static Map<String, String> configuration(JsonNode values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            if (!e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    /** The scheduling problem of all open work from {@code board}'s epoch, and the jobs' remaining operations. */
    record Problem(SchedulingProblem problem, List<List<OpRow>> remaining, List<OrderRow> orders, Schedule current) {}

    Optional<Problem> problem(Handle h, String firmId, Board board) {
        List<OpRow> all = ops(h, firmId);
        Map<String, List<OpRow>> byOrder = new LinkedHashMap<>();
        for (OpRow op : all) {
            byOrder.computeIfAbsent(op.orderId(), k -> new ArrayList<>()).add(op);
        }
        Map<String, List<Interval>> frozen = new LinkedHashMap<>();
        List<Job> jobs = new ArrayList<>();
        List<List<OpRow>> remaining = new ArrayList<>();
        List<OrderRow> jobOrders = new ArrayList<>();
        boolean complete = true;
        List<long[]> currentStarts = new ArrayList<>();
        for (OrderRow o : orders(h, firmId)) {
            List<OpRow> ops = byOrder.getOrDefault(o.orderId(), List.of());
            long release = ready(board, Optional.ofNullable(o.materialArrival()));
            List<OpRow> open = new ArrayList<>();
            // A lost part was done before a downtime stopped it, and so was everything before it in the
            // routing: all that stays where it was even when this process's clock is behind the one that
            // recorded the stop (another server, D22).
            int lastLost = -1;
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i).lost()) {
                    lastLost = i;
                }
            }
            for (int i = 0; i < ops.size(); i++) {
                OpRow op = ops.get(i);
                boolean started = op.start() != null && op.start().isBefore(board.epoch());
                if (started || (i <= lastLost && op.start() != null)) {
                    long end = board.minutes(op.end());
                    release = Math.max(release, end);
                    if (end > 0) {
                        frozen.computeIfAbsent(laneKey(board, op.centreId(), op.lane()), k -> new ArrayList<>())
                                .add(new Interval(Math.max(0, board.minutes(op.start())), end));
                    }
                } else {
                    open.add(op);
                }
            }
            if (open.isEmpty()) {
                continue;
            }
            List<Operation> operations = open.stream()
                    .map(op -> new Operation(laneKey(board, op.centreId(), op.lane()), op.minutes()))
                    .toList();
            long due = Math.max(0, board.minutes(o.promised().plusDays(1).atStartOfDay()));
            jobs.add(new Job(o.orderId(), operations, release, OptionalLong.of(due)));
            remaining.add(open);
            jobOrders.add(o);
            long[] starts = new long[open.size()];
            for (int k = 0; k < open.size(); k++) {
                if (open.get(k).start() == null) {
                    complete = false;
                } else {
                    starts[k] = board.minutes(open.get(k).start());
                }
            }
            currentStarts.add(starts);
        }
        if (jobs.isEmpty()) {
            return Optional.empty();
        }
        List<WorkCentre> centres = new ArrayList<>();
        for (Board.Lane lane : board.lanes().values()) {
            List<Interval> closed = new ArrayList<>(lane.unavailable());
            closed.addAll(frozen.getOrDefault(lane.key(), List.of()));
            centres.add(new WorkCentre(lane.key(), closed));
        }
        SchedulingProblem problem = new SchedulingProblem(centres, jobs, board.horizon());
        Schedule current = complete ? Schedule.of(problem, currentStarts.toArray(new long[0][])) : null;
        return Optional.of(new Problem(problem, remaining, jobOrders, current));
    }

    /** Re-plans all open work of the firm (caller holds the firm's lock and the transaction). */
    void replan(Handle h, String firmId, LocalDateTime now) {
        replan(h, firmId, now, settings);
    }

    private void replan(Handle h, String firmId, LocalDateTime now, SchedulerSettings with) {
        Board board = board(h, firmId, now);
        Optional<Problem> p = problem(h, firmId, board);
        p.flatMap(q -> solve(firmId, q, with)).ifPresent(next -> write(h, board, p.get(), next));
    }

    /**
     * The schedule a re-plan of {@code p} writes: the solver's when it is not worse than the current plan, else
     * the current plan; empty when there is neither.
     */
    private Optional<Schedule> solve(String firmId, Problem p, SchedulerSettings with) {
        ScheduleResult result = Scheduler.solve(p.problem(), with);
        Schedule next = null;
        if (result instanceof ScheduleResult.Solved solved) {
            next = solved.schedule();
        } else {
            LOG.warn("planning {} gave {}; keeping the plan", firmId, result);
        }
        Schedule current = p.current();
        if (next != null && current != null && !better(next, current)) {
            next = current;
        }
        return Optional.ofNullable(next);
    }

    private static boolean better(Schedule next, Schedule current) {
        var a = next.objective();
        var b = current.objective();
        return a.totalTardiness() < b.totalTardiness()
                || (a.totalTardiness() == b.totalTardiness() && a.makespan() <= b.makespan());
    }

    /**
     * Stores {@code schedule}'s times of the open operations of {@code p}: only the operations whose times
     * changed, and the planned finish of only the orders with such an operation (a re-plan that keeps most
     * of a full plan writes little).
     */
    static void write(Handle h, Board board, Problem p, Schedule schedule) {
        PreparedBatch operations =
                h.prepareBatch("update planned_operations set planned_start = :s, planned_end = :e where task_id = :t");
        List<String> finishes = new ArrayList<>();
        for (int j = 0; j < p.remaining().size(); j++) {
            List<OpRow> open = p.remaining().get(j);
            List<Interval> slots = schedule.jobs().get(j).operations();
            boolean moved = false;
            LocalDateTime last = null;
            for (int k = 0; k < open.size(); k++) {
                LocalDateTime start = board.time(slots.get(k).start());
                LocalDateTime end = board.time(slots.get(k).end());
                last = last == null || end.isAfter(last) ? end : last;
                if (start.equals(open.get(k).start()) && end.equals(open.get(k).end())) {
                    continue;
                }
                operations
                        .bind("s", start)
                        .bind("e", end)
                        .bind("t", open.get(k).taskId())
                        .add();
                moved = true;
            }
            // a finish stored before a downtime split an operation may differ even when nothing moves now
            if (moved || !Objects.equals(p.orders().get(j).plannedFinish(), last)) {
                finishes.add(open.get(0).orderId());
            }
        }
        if (operations.size() > 0) {
            operations.execute();
        }
        refreshFinishes(h, finishes);
    }

    /** Sets the planned finish of each of {@code orderIds} to the last planned end of its operations. */
    static void refreshFinishes(Handle h, java.util.Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        PreparedBatch finishes = h.prepareBatch("update production_orders set planned_finish = (select"
                + " max(planned_end) from planned_operations where order_id = :o) where order_id = :o");
        orderIds.forEach(o -> finishes.bind("o", o).add());
        finishes.execute();
    }

    // ------------------------------------------------------------------ capable to promise

    /**
     * The earliest delivery of one unit of {@code configuration} if ordered now, against the live plan
     * (which is not changed): {@code {"earliest": date, "workingDays": n}}, or empty when the firm has no
     * production data or the configuration cannot be released.
     */
    public Optional<Map<String, Object>> delivery(
            String firmId, ProductModel model, Map<String, String> configuration) {
        View view = view(firmId);
        if (view == null) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        return view.promises().get(model, configuration, now, () -> promise(view, model, configuration, now));
    }

    private static Optional<Map<String, Object>> promise(
            View view, ProductModel model, Map<String, String> configuration, LocalDateTime now) {
        Board board = view.board();
        OrderRelease.Release r = OrderRelease.release(
                view.data(), new OrderRelease.Order("quote", model, configuration, 1, now.toLocalDate()));
        if (!(r instanceof OrderRelease.Release.Released released)) {
            return Optional.empty();
        }
        List<Board.Need> needs = board.needs(released.order());
        List<ArticleStock.Line> articles =
                view.stock().copy().reserve(released.order().materials(), now.toLocalDate());
        Optional<LocalDate> arrival = ArticleStock.arrival(articles);
        long ready = Math.max(Math.max(0, board.minutes(now)), ready(board, arrival));
        Optional<List<Board.Placement>> placed = board.insert(needs, view.busy(), ready);
        if (placed.isEmpty() || placed.get().isEmpty()) {
            return Optional.empty();
        }
        LocalDate date =
                board.time(placed.get().get(placed.get().size() - 1).end()).toLocalDate();
        return Optional.of(Collections.unmodifiableMap(Json.map(
                "earliest",
                date.toString(),
                "workingDays",
                board.workingDaysBetween(now.toLocalDate(), date),
                "materialWait",
                materialWait(board, needs, view.busy(), now, date, articles).orElse(null))));
    }

    /**
     * Why a promise waits for material: the short article that arrives last (item, pieces short, arrival)
     * when the promised {@code date} is later than the date capacity alone would give (the same insertion
     * from now, without the wait); empty when nothing is short or capacity sets the date anyway.
     */
    static Optional<Map<String, Object>> materialWait(
            Board board,
            List<Board.Need> needs,
            Map<String, List<Interval>> busy,
            LocalDateTime now,
            LocalDate date,
            List<ArticleStock.Line> articles) {
        Optional<LocalDate> arrival = ArticleStock.arrival(articles);
        if (arrival.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Board.Placement>> free = board.insert(needs, busy, Math.max(0, board.minutes(now)));
        if (free.isPresent()
                && !free.get().isEmpty()
                && !date.isAfter(
                        board.time(free.get().get(free.get().size() - 1).end()).toLocalDate())) {
            return Optional.empty();
        }
        ArticleStock.Line last = articles.stream()
                .filter(l -> l.arrival().equals(arrival))
                .findFirst()
                .orElseThrow();
        return Optional.of(Collections.unmodifiableMap(Json.map(
                "item",
                last.item(),
                "description",
                last.description(),
                "short",
                last.shortage(),
                "arrival",
                arrival.get().toString())));
    }

    private View view(String firmId) {
        View v = views.get(firmId);
        Instant at = clock.instant();
        if (v != null && Duration.between(v.built(), at).compareTo(VIEW_TTL) < 0) {
            if (Duration.between(v.checked(), at).compareTo(REVISION_CHECK) < 0) {
                return v;
            }
            // another process on the same database may have changed the plan (D22)
            if (jdbi.withHandle(h -> planRevision(h, firmId)) == v.revision()) {
                View checked = v.checkedAt(at);
                views.put(firmId, checked);
                return checked;
            }
        }
        List<Board.Centre> centres = centres(firmId);
        if (centres.isEmpty()) {
            return null;
        }
        LocalDateTime now = now();
        View fresh = jdbi.withHandle(h -> {
            long revision = planRevision(h, firmId); // first: a change committed meanwhile only rebuilds again
            Board board = board(h, firmId, now, centres);
            return new View(
                    at,
                    revision,
                    at,
                    board,
                    busy(board, ops(h, firmId)),
                    data(firmId, centres),
                    stock(h, firmId),
                    new Promises());
        });
        views.put(firmId, fresh);
        return fresh;
    }

    void forgetView(String firmId) {
        views.remove(firmId);
    }

    // ------------------------------------------------------------------ reading

    /** The production summary of an order for its response; empty when it is not released. */
    public Optional<Map<String, Object>> summary(String orderId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select promised_date, planned_finish, cutting_plan_id from production_orders where order_id = :o")
                .bind("o", orderId)
                .map((rs, ctx) -> {
                    LocalDate promised = rs.getObject(1, LocalDate.class);
                    LocalDateTime finish = rs.getObject(2, LocalDateTime.class);
                    return Json.map(
                            "status",
                            "released",
                            "promisedDate",
                            promised.toString(),
                            "plannedFinish",
                            finish == null ? null : finish.toString(),
                            "late",
                            finish != null && finish.toLocalDate().isAfter(promised),
                            "cuttingPlanId",
                            rs.getString(3));
                })
                .findOne());
    }

    /** The production order of {@code orderId}: BOM, materials, cuts and planned operations. */
    public Map<String, Object> productionOrder(String orderId) {
        return jdbi.withHandle(h -> {
            Map<String, Object> out = h.createQuery("select p.firm_id, p.promised_date, p.planned_finish, p.bom,"
                            + " p.materials, p.cuts, p.cutting_plan_id, o.order_number, p.quantity, p.material_arrival"
                            + " from production_orders p"
                            + " join orders o on o.order_id = p.order_id where p.order_id = :o")
                    .bind("o", orderId)
                    .map((rs, ctx) -> {
                        LocalDateTime finish = rs.getObject(3, LocalDateTime.class);
                        LocalDate arrival = rs.getObject(10, LocalDate.class);
                        return Json.map(
                                "orderId", orderId,
                                "number", rs.getLong(8),
                                "quantity", rs.getLong(9),
                                "firmId", rs.getString(1),
                                "promisedDate", rs.getObject(2, LocalDate.class).toString(),
                                "plannedFinish", finish == null ? null : finish.toString(),
                                "bom", Json.parseStored(rs.getString(4)),
                                "materials", Json.parseStored(rs.getString(5)),
                                "cuts", Json.parseStored(rs.getString(6)),
                                "cuttingPlanId", rs.getString(7),
                                "materialArrival", arrival == null ? null : arrival.toString());
                    })
                    .findOne()
                    .orElseThrow(() -> ApiError.notFound("production order", orderId));
            List<Map<String, Object>> operations = new ArrayList<>();
            for (OpRow op : ops(h, (String) out.get("firmId"))) {
                if (op.orderId().equals(orderId)) {
                    operations.add(operation(op));
                }
            }
            out.put("operations", operations);
            return out;
        });
    }

    static Map<String, Object> operation(OpRow op) {
        return Json.map(
                "taskId", op.taskId(),
                "operation", op.operation(),
                "description", op.description(),
                "workCentreId", op.centreId(),
                "lane", op.lane(),
                "minutes", op.minutes(),
                "start", op.start() == null ? null : op.start().toString(),
                "end", op.end() == null ? null : op.end().toString(),
                "uninterruptible", op.uninterruptible(),
                "lost", op.lost(),
                "units", op.units() > 0 ? op.units() : null,
                "unitMinutes", op.units() > 0 ? op.unitMinutes() : null);
    }

    /** The firm's plan: work centres with their unavailable time in the next weeks, and every order's operations. */
    public Map<String, Object> plan(String firmId, int days) {
        List<Board.Centre> centres = centres(firmId);
        if (centres.isEmpty()) {
            throw noProduction(firmId);
        }
        LocalDateTime now = now();
        return jdbi.withHandle(h -> {
            Board board = board(h, firmId, now, centres);
            List<Map<String, Object>> wcs = new ArrayList<>();
            for (Board.Centre c : centres) {
                List<Map<String, Object>> closed = new ArrayList<>();
                Board.Lane lane = board.lanes().get(laneKey(board, c.id(), 1));
                for (Interval i : lane.unavailable()) {
                    if (i.start() < days * 1440L) {
                        closed.add(Json.map(
                                "from",
                                board.time(i.start()).toString(),
                                "to",
                                board.time(i.end()).toString()));
                    }
                }
                wcs.add(Json.map(
                        "id",
                        c.id(),
                        "type",
                        c.type(),
                        "name",
                        c.name(),
                        "capacity",
                        c.capacity(),
                        "unavailable",
                        closed));
            }
            List<OpRow> ops = ops(h, firmId);
            Map<String, List<String>> shortages = new LinkedHashMap<>();
            h.createQuery("select order_id, item from article_reservations where firm_id = :f and short > 0"
                            + " order by order_id, item")
                    .bind("f", firmId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> shortages
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            List<Map<String, Object>> orders = new ArrayList<>();
            for (OrderRow o : orders(h, firmId)) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (OpRow op : ops) {
                    if (op.orderId().equals(o.orderId())) {
                        list.add(operation(op));
                    }
                }
                orders.add(Json.map(
                        "orderId", o.orderId(),
                        "number", o.number(),
                        "quantity", o.quantity(),
                        "promisedDate", o.promised().toString(),
                        "plannedFinish",
                                o.plannedFinish() == null
                                        ? null
                                        : o.plannedFinish().toString(),
                        "late",
                                o.plannedFinish() != null
                                        && o.plannedFinish().toLocalDate().isAfter(o.promised()),
                        "cuttingPlanId", o.cutPlan(),
                        "materialArrival",
                                o.materialArrival() == null
                                        ? null
                                        : o.materialArrival().toString(),
                        "shortMaterials", shortages.getOrDefault(o.orderId(), List.of()),
                        "operations", list));
            }
            return Json.map(
                    "firmId",
                    firmId,
                    "now",
                    now.toString(),
                    "timeZone",
                    ZONE.getId(),
                    "replanning",
                    replans.pending(firmId),
                    "workCentres",
                    wcs,
                    "orders",
                    orders);
        });
    }

    /**
     * The firm's article stock: per article its description (from the BOMs of the firm's products, else the
     * item id), on hand, reserved by released orders, free, the pieces released orders still wait for
     * beyond the stock ({@code short}, 0 when every order is covered), and lead time.
     */
    public Map<String, Object> articleStock(String firmId) {
        if (!hasProduction(firmId)) {
            throw noProduction(firmId);
        }
        Map<String, String> descriptions = ArticleDescriptions.of(catalogue.productIdsOf(firmId).stream()
                .map(catalogue::latest)
                .flatMap(Optional::stream)
                .map(CompiledModel::model)
                .toList());
        // stock levels and shortages from one snapshot: a receipt or release between the two reads would
        // otherwise show an article short although its stock already covers it
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            Map<String, Long> shortages = new LinkedHashMap<>();
            h.createQuery("select item, sum(short) from article_reservations where firm_id = :f and short > 0"
                            + " group by item")
                    .bind("f", firmId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> shortages.put(e.getKey(), e.getValue()));
            List<Map<String, Object>> articles = new ArrayList<>();
            for (ArticleStock.Level l : stock(h, firmId).levels()) {
                articles.add(Json.map(
                        "item", l.item(),
                        "description", ArticleDescriptions.describe(descriptions, l.item()),
                        "onHand", l.onHand(),
                        "reserved", l.reserved(),
                        "available", l.free(),
                        "short", shortages.getOrDefault(l.item(), 0L),
                        "leadTimeDays", l.leadDays()));
            }
            return Json.map("firmId", firmId, "leadTimeUnit", "calendar_days", "articles", articles);
        });
    }

    static ApiError noProduction(String firmId) {
        return ApiError.notFound("production data of firm", firmId);
    }

    // ------------------------------------------------------------------ downtime

    /**
     * Adds downtime {@code [from, to)} to work centre {@code centreId} and repairs the plan with as few
     * changes as possible; lists the orders whose planned finish moved.
     */
    public Map<String, Object> downtime(String firmId, String centreId, LocalDateTime from, LocalDateTime to) {
        List<Board.Centre> centres = centres(firmId);
        if (centres.isEmpty()) {
            throw noProduction(firmId);
        }
        Board.Centre centre = centres.stream()
                .filter(c -> c.id().equals(centreId))
                .findFirst()
                .orElseThrow(() -> ApiError.notFound("work centre", centreId));
        if (!to.isAfter(from)) {
            throw ApiError.unprocessable(
                            "invalid_downtime",
                            "the downtime ends at " + to + ", not after its start " + from,
                            "Maybe swap \"from\" and \"to\".")
                    .field("to");
        }
        Map<String, Object> out = changePlan(firmId, h -> {
            LocalDateTime now = now();
            Board before = board(h, firmId, now, centres);
            Map<String, LocalDateTime> finishBefore = finishes(h, firmId);
            Interruptions interrupted = interrupt(h, centreId, from, to, now, ops(h, firmId));
            Optional<Problem> p = problem(h, firmId, before);
            h.createUpdate(
                            "insert into downtimes (firm_id, downtime_id, work_centre_id, starts_at, ends_at, created_at)"
                                    + " values (:f, :id, :wc, :s, :e, :at)")
                    .bind("f", firmId)
                    .bind("id", no.tilpass.server.configuration.Configurations.randomId())
                    .bind("wc", centreId)
                    .bind("s", from)
                    .bind("e", to)
                    .bind("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                    .execute();
            String status = "no_open_work";
            int changed = 0;
            long start = Math.max(0, before.minutes(from));
            long end = Math.min(before.horizon(), before.minutes(to));
            if (p.isPresent() && end > start) {
                SchedulingProblem problem = p.get().problem();
                Interval down = new Interval(start, end);
                String last = laneKey(before, centreId, centre.capacity());
                for (int k = 1; k < centre.capacity(); k++) {
                    problem = problem.withDowntime(laneKey(before, centreId, k), down);
                }
                Schedule previous = p.get().current();
                // first the sequences kept, pushed on out of the downtime only as far as needed (D27)
                int retimed = previous == null ? -1 : retimeAndRepair(h, firmId, board(h, firmId, now, centres), false);
                if (retimed >= 0) {
                    status = "repaired";
                    changed = retimed;
                } else if (previous != null) {
                    Repair repair = Scheduler.repair(problem, previous, last, down, settings);
                    if (repair.result() instanceof ScheduleResult.Solved solved) {
                        write(h, before, p.get(), solved.schedule());
                        status = "repaired";
                        changed = repair.changedStarts();
                    } else {
                        status = "not_repaired: " + repair.result();
                    }
                } else {
                    replan(h, firmId, now);
                    status = "replanned";
                }
            } else if (p.isPresent()) {
                status = "outside_horizon";
            }
            List<Map<String, Object>> moved = movedOrders(h, firmId, finishBefore);
            return Json.map(
                    "workCentreId", centreId,
                    "from", from.toString(),
                    "to", to.toString(),
                    "status", status,
                    "changedOperations", changed,
                    "interruptedOperations", interrupted.interrupted(),
                    "restartedOperations", interrupted.restarted(),
                    "lostMinutes", interrupted.lostMinutes(),
                    "movedOrders", moved);
        });
        views.remove(firmId);
        return out;
    }

    /** The planned finish of every released order of the firm, by order id (null where not planned). */
    private static Map<String, LocalDateTime> finishes(Handle h, String firmId) {
        Map<String, LocalDateTime> out = new LinkedHashMap<>();
        orders(h, firmId).forEach(o -> out.put(o.orderId(), o.plannedFinish()));
        return out;
    }

    /** The orders whose planned finish is no longer the one in {@code finishBefore}, as the API lists them. */
    private static List<Map<String, Object>> movedOrders(
            Handle h, String firmId, Map<String, LocalDateTime> finishBefore) {
        List<Map<String, Object>> moved = new ArrayList<>();
        for (OrderRow o : orders(h, firmId)) {
            LocalDateTime was = finishBefore.get(o.orderId());
            if (was != null && o.plannedFinish() != null && !was.equals(o.plannedFinish())) {
                moved.add(Json.map(
                        "orderId", o.orderId(),
                        "number", o.number(),
                        "promisedDate", o.promised().toString(),
                        "plannedFinishBefore", was.toString(),
                        "plannedFinish", o.plannedFinish().toString(),
                        "late", o.plannedFinish().toLocalDate().isAfter(o.promised())));
            }
        }
        return moved;
    }

    // ------------------------------------------------------------------ calendars

    SchedulerSettings settings() {
        return settings;
    }

    /** The shift calendar of work centre {@code centreId}: shifts, holidays, downtime and its chunk length. */
    public Map<String, Object> calendar(String firmId, String centreId) {
        List<Board.Centre> centres = centres(firmId);
        Board.Centre centre = centre(firmId, centres, centreId);
        LocalDateTime now = now();
        return jdbi.withHandle(h -> Calendars.view(centre, board(h, firmId, now, centres), downtimes(h, firmId)));
    }

    private static Board.Centre centre(String firmId, List<Board.Centre> centres, String centreId) {
        if (centres.isEmpty()) {
            throw noProduction(firmId);
        }
        return centres.stream()
                .filter(c -> c.id().equals(centreId))
                .findFirst()
                .orElseThrow(() -> ApiError.notFound("work centre", centreId));
    }

    /**
     * Replaces the shifts and holidays of work centre {@code centreId} and repairs the plan in the same
     * transaction (see {@link Calendars}): the answer is the new calendar, what changed in the plan and the
     * orders whose planned finish moved. A calendar on which the open work cannot be planned is refused (422
     * {@code calendar_not_plannable}) and nothing is stored.
     */
    public Map<String, Object> changeCalendar(
            String firmId, String centreId, List<String> shifts, List<String> holidays) {
        Board.Centre old = centre(firmId, centres(firmId), centreId);
        String text = Calendars.text(centreId, shifts, holidays, old.calendar());
        return recalendar(
                firmId,
                before -> {
                    centre(firmId, before, centreId);
                    return Map.of(centreId, text);
                },
                (h, after, board) -> Calendars.view(
                        after.stream()
                                .filter(c -> c.id().equals(centreId))
                                .findFirst()
                                .orElseThrow(),
                        board,
                        downtimes(h, firmId)));
    }

    /**
     * Adds the dates {@code add} to the holidays of every work centre of the firm and takes {@code remove} out
     * of them (a factory closing, or a closing called off), with one repair of the plan in the same
     * transaction, as {@link #changeCalendar} does for one work centre.
     */
    public Map<String, Object> changeHolidays(String firmId, List<String> add, List<String> remove) {
        if (centres(firmId).isEmpty()) {
            throw noProduction(firmId);
        }
        List<LocalDate> added = Calendars.dates("add", "date", add);
        List<LocalDate> removed = Calendars.dates("remove", "date", remove);
        return recalendar(
                firmId,
                before -> {
                    Map<String, String> texts = new LinkedHashMap<>();
                    for (Board.Centre c : before) {
                        texts.put(c.id(), Calendars.withHolidays(c, added, removed));
                    }
                    return texts;
                },
                (h, after, board) -> Json.map(
                        "firmId", firmId,
                        "added", added.stream().map(LocalDate::toString).toList(),
                        "removed", removed.stream().map(LocalDate::toString).toList(),
                        "workCentres", after.stream().map(Board.Centre::id).toList()));
    }

    /** What a calendar change answers besides the plan's changes, from the work centres and board after it. */
    private interface CalendarAnswer {
        Map<String, Object> of(Handle h, List<Board.Centre> after, Board board);
    }

    /**
     * Stores the calendar texts {@code texts} computes from the work centres as they are under the lock (by
     * work-centre id) and repairs the plan in the same transaction: pieces longer than the new chunks cut
     * again, then the fewest changed starts that put every open operation in open time; 422 {@code
     * calendar_not_plannable}, with nothing stored, when no plan is found.
     */
    private Map<String, Object> recalendar(
            String firmId,
            java.util.function.Function<List<Board.Centre>, Map<String, String>> texts,
            CalendarAnswer answer) {
        Map<String, Object> out = changePlan(firmId, h -> {
            LocalDateTime now = now();
            List<Board.Centre> before = centres(h, firmId);
            Map<String, String> changes = texts.apply(before);
            Map<String, LocalDateTime> finishBefore = finishes(h, firmId);
            for (Map.Entry<String, String> c : changes.entrySet()) {
                h.createUpdate("update work_centres set calendar = :c where firm_id = :f and work_centre_id = :id")
                        .bind("c", c.getValue())
                        .bind("f", firmId)
                        .bind("id", c.getKey())
                        .execute();
            }
            List<Board.Centre> after = centres(h, firmId);
            Board board = board(h, firmId, now, after);
            int cut = Calendars.resplit(h, board, after, ops(h, firmId));
            Optional<Problem> p = problem(h, firmId, board);
            String status;
            int changed = 0;
            if (p.isEmpty()) {
                status = "no_open_work";
            } else if (p.get().current() == null) {
                replan(h, firmId, now);
                status = "replanned";
            } else {
                // first the sequences as they are, re-timed on the new calendars: pushed on out of closed
                // time only as far as needed, or moved up into time that opened
                boolean opened = Calendars.frees(board(h, firmId, now, before), board);
                int retimed = retimeAndRepair(h, firmId, board, opened);
                if (retimed < 0) {
                    // a longer board, as a placement grows it, for a calendar with much less open time
                    board = Board.of(now, MAX_HORIZON_DAYS, after, downtimes(h, firmId));
                    retimed = retimeAndRepair(h, firmId, board, opened);
                }
                if (retimed < 0) {
                    throw notPlannable(firmId, before, changes, Calendars.tooLong(board, p.get(), after));
                }
                changed = retimed;
                status = changed > 0 || cut > 0 ? "repaired" : "unchanged";
            }
            Map<String, Object> result = new LinkedHashMap<>(answer.of(h, after, board));
            result.put("status", status);
            result.put("changedOperations", changed);
            result.put("splitOperations", cut);
            result.put("movedOrders", movedOrders(h, firmId, finishBefore));
            return result;
        });
        views.remove(firmId);
        return out;
    }

    /**
     * Re-times the open work on {@code board} with its sequences kept ({@link Calendars#retime}); then, when
     * orders are late, runs the repair (least tardiness, then fewest changed starts) from there and keeps
     * it only when it lowers the total tardiness. The operations changed, or -1 (nothing written) when an
     * operation fits in no stretch of open time before the board's end.
     */
    private int retimeAndRepair(Handle h, String firmId, Board board, boolean earlier) {
        int changed = Calendars.retime(h, firmId, board, earlier);
        if (changed < 0) {
            return -1;
        }
        Optional<Problem> p = problem(h, firmId, board);
        if (p.isEmpty() || p.get().current() == null) {
            return changed;
        }
        long lateness = p.get().current().objective().totalTardiness();
        if (lateness > 0) {
            Repair repair = Scheduler.repair(p.get().problem(), p.get().current(), settings);
            if (repair.result() instanceof ScheduleResult.Solved solved
                    && solved.schedule().objective().totalTardiness() < lateness) {
                write(h, board, p.get(), solved.schedule());
                changed += repair.changedStarts();
            }
        }
        return changed;
    }

    /** 422 {@code calendar_not_plannable} for a calendar change of the work centres in {@code changes}. */
    private ApiError notPlannable(
            String firmId, List<Board.Centre> before, Map<String, String> changes, Optional<String> reason) {
        List<String> names = before.stream()
                .filter(c -> changes.containsKey(c.id()))
                .map(c -> c.name() + " (" + c.id() + ")")
                .toList();
        return ApiError.unprocessable(
                        "calendar_not_plannable",
                        "the open work of " + firmName(firmId) + " cannot be planned on the new calendar"
                                + (names.size() == 1 ? " of work centre " + names.get(0) : "s") + ": "
                                + reason.orElse("the work does not fit within " + MAX_HORIZON_DAYS + " days"),
                        "Maybe keep a stretch of open time as long as its longest uninterruptible operation, or"
                                + " close fewer days.")
                .field(names.size() == 1 ? "shifts" : "add");
    }

    /**
     * What {@link #interrupt} did: operations split and resumed after the downtime, uninterruptible ones
     * stopped and run again whole, and the minutes of work those lost.
     */
    record Interruptions(int interrupted, int restarted, long lostMinutes) {}

    /**
     * Interrupts the operations of work centre {@code centreId} that run at {@code now} (started before,
     * ending after) and that the downtime {@code [from, to)} stops: the part done before the stop ({@code
     * from}, or the operation's start when the downtime began earlier) stays as it was, and the rest becomes
     * a new operation right after it in the order's routing ({@code <taskId>/resumed@<stop>}, same lane, the
     * remaining minutes, no second setup), tentatively at the downtime's end, for the repair to place. An
     * uninterruptible operation is not resumed but restarted (D20 amended): the part done stays in the plan,
     * marked {@code lost}, and the whole operation runs again as {@code <taskId>/restarted@<stop>} (all its
     * minutes, setup included). An operation the downtime stops before it began is moved whole. Without this
     * a running operation would be frozen through the downtime.
     */
    static Interruptions interrupt(
            Handle h, String centreId, LocalDateTime from, LocalDateTime to, LocalDateTime now, List<OpRow> ops) {
        int resumed = 0;
        int restarted = 0;
        long lost = 0;
        for (OpRow op : ops) {
            if (!op.centreId().equals(centreId) || op.start() == null || op.end() == null) {
                continue;
            }
            boolean running = op.start().isBefore(now) && op.end().isAfter(now);
            if (!running || !from.isBefore(op.end()) || !to.isAfter(now)) {
                continue;
            }
            LocalDateTime stop = from.isAfter(op.start()) ? from : op.start();
            long done = Duration.between(op.start(), stop).toMinutes();
            if (done <= 0) {
                h.createUpdate("update planned_operations set planned_start = :s, planned_end = :e where task_id = :t")
                        .bind("s", to)
                        .bind("e", to.plusMinutes(op.minutes()))
                        .bind("t", op.taskId())
                        .execute();
                resumed++;
                continue;
            }
            long kept = op.uninterruptible() && op.units() > 0 ? unitsDone(op, done) : 0;
            if (kept > 0) {
                long cut = done - kept;
                stopUnits(h, op, kept, cut, stop, to);
                if (cut > 0) {
                    restarted++;
                    lost += cut;
                } else {
                    resumed++;
                }
                continue;
            }
            long again = op.uninterruptible() ? op.minutes() : op.minutes() - done;
            // a lost part holds no units; a piece of a per-unit operation stopped in its first unit
            // (nothing kept) is restarted whole like any uninterruptible one, its units with it
            h.createUpdate("update planned_operations set minutes = :m, planned_end = :e, lost = :lost,"
                            + " units = null, unit_minutes = null where task_id = :t")
                    .bind("m", done)
                    .bind("e", stop)
                    .bind("lost", op.uninterruptible())
                    .bind("t", op.taskId())
                    .execute();
            makeRoom(h, op, 1);
            copyOf(
                    h,
                    op,
                    op.taskId() + (op.uninterruptible() ? RESTARTED : "/resumed@") + stop,
                    op.position() + 1,
                    again,
                    to,
                    to.plusMinutes(again),
                    false,
                    op.units() > 0 ? op.units() : null,
                    op.units() > 0 ? op.unitMinutes() : null);
            if (op.uninterruptible()) {
                restarted++;
                lost += done;
            } else {
                resumed++;
            }
        }
        return new Interruptions(resumed, restarted, lost);
    }

    /**
     * The minutes of a piece of an operation uninterruptible per unit that are whole units done {@code done}
     * minutes after its start: the setup (in the first piece) and the units that ended by then; 0 when the
     * stop comes during the setup or the first unit.
     */
    static long unitsDone(OpRow op, long done) {
        long lead = op.leadMinutes();
        if (done < lead + op.unitMinutes()) {
            return 0;
        }
        return lead + Math.min(op.units(), (done - lead) / op.unitMinutes()) * op.unitMinutes();
    }

    /**
     * Stops a piece of an operation uninterruptible per unit {@code kept + cut} minutes after its start: the
     * whole units done stay (the piece ends after them), the unit the stop cut short stays as a
     * {@code lost} row of {@code cut} minutes ({@code <taskId>/lost@<stop>}, when {@code cut > 0}), and the
     * units not done run after the downtime as {@code <taskId>/resumed@<stop>}, the cut unit from its start.
     * Only for {@code kept > 0}: with no unit done the piece is restarted whole, as any uninterruptible one.
     */
    private static void stopUnits(Handle h, OpRow op, long kept, long cut, LocalDateTime stop, LocalDateTime to) {
        long unitsKept = (kept - op.leadMinutes()) / op.unitMinutes();
        long unitsLeft = op.units() - unitsKept;
        long again = unitsLeft * op.unitMinutes();
        LocalDateTime keptEnd = op.start().plusMinutes(kept);
        h.createUpdate("update planned_operations set minutes = :m, planned_end = :e, units = :u where task_id = :t")
                .bind("m", kept)
                .bind("e", keptEnd)
                .bind("u", unitsKept)
                .bind("t", op.taskId())
                .execute();
        makeRoom(h, op, (cut > 0 ? 1 : 0) + (unitsLeft > 0 ? 1 : 0));
        int position = op.position();
        if (cut > 0) {
            copyOf(h, op, op.taskId() + "/lost@" + stop, ++position, cut, keptEnd, stop, true, null, null);
        }
        if (unitsLeft > 0) {
            copyOf(
                    h,
                    op,
                    op.taskId() + "/resumed@" + stop,
                    ++position,
                    again,
                    to,
                    to.plusMinutes(again),
                    false,
                    unitsLeft,
                    op.unitMinutes());
        }
    }

    /** Moves the operations of {@code op}'s order after it {@code n} positions on, to insert {@code n} after it. */
    static void makeRoom(Handle h, OpRow op, int n) {
        h.createUpdate("update planned_operations set position = position + :n where order_id = :o and position > :p")
                .bind("n", n)
                .bind("o", op.orderId())
                .bind("p", op.position())
                .execute();
    }

    /** A new planned operation like {@code op} (same order, operation, work centre and lane). */
    static void copyOf(
            Handle h,
            OpRow op,
            String taskId,
            int position,
            long minutes,
            LocalDateTime start,
            LocalDateTime end,
            boolean lost,
            Long units,
            Long unitMinutes) {
        h.createUpdate("insert into planned_operations (task_id, firm_id, order_id, position, operation,"
                        + " description, work_centre_id, lane, minutes, planned_start, planned_end,"
                        + " uninterruptible, lost, units, unit_minutes) select :id, firm_id, order_id, :pos, operation,"
                        + " description, work_centre_id, lane, :m, :s, :e, uninterruptible, :lost, :u, :um"
                        + " from planned_operations where task_id = :t")
                .bind("id", taskId)
                .bind("pos", position)
                .bind("m", minutes)
                .bind("s", start)
                .bind("e", end)
                .bind("lost", lost)
                .bind("u", units)
                .bind("um", unitMinutes)
                .bind("t", op.taskId())
                .execute();
    }

    // ------------------------------------------------------------------ work lists

    /** The work list of work centre {@code centreId} as PDF: its operations not yet ended, in start order. */
    public byte[] workList(String firmId, String centreId) {
        Board.Centre centre = centres(firmId).stream()
                .filter(c -> c.id().equals(centreId))
                .findFirst()
                .orElseThrow(() -> ApiError.notFound("work centre", centreId));
        LocalDateTime now = now();
        List<WorkListPdf.Row> rows = jdbi.withHandle(h -> {
            Map<String, OrderRow> byId = new LinkedHashMap<>();
            orders(h, firmId).forEach(o -> byId.put(o.orderId(), o));
            return ops(h, firmId).stream()
                    .filter(op -> op.centreId().equals(centreId))
                    .filter(op -> op.end() == null || op.end().isAfter(now))
                    .sorted(java.util.Comparator.comparing(
                            OpRow::start, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                    .map(op -> new WorkListPdf.Row(
                            op.orderId(),
                            byId.containsKey(op.orderId())
                                    ? byId.get(op.orderId()).number()
                                    : 0L,
                            byId.containsKey(op.orderId())
                                    ? byId.get(op.orderId()).quantity()
                                    : 1L,
                            op.taskId(),
                            op.operation(),
                            op.description(),
                            op.minutes(),
                            op.start(),
                            op.end(),
                            op.lost(),
                            op.taskId().contains(RESTARTED)))
                    .toList();
        });
        return WorkListPdf.render(firmName(firmId), centre.id(), centre.name(), now, rows);
    }
}
