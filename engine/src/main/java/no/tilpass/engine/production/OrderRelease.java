package no.tilpass.engine.production;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.bom.BillOfMaterials;
import no.tilpass.engine.bom.Explosion;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Diagnostic;

/**
 * Releases an order to production: explodes the configured product's BOM and routing ({@link
 * BillOfMaterials}), multiplies them by the ordered quantity, assigns each operation the firm's work
 * centres of its type, and sums the material needs against the stock. Scheduling the tasks onto the work
 * centres' calendars is left to a scheduler.
 */
public final class OrderRelease {
    private OrderRelease() {}

    /**
     * An order for {@code quantity} units of one configuration of {@code model}, due on {@code due}.
     *
     * @param configuration every option (component options namespaced) mapped to its value as written
     */
    public record Order(
            String id, ProductModel model, Map<String, String> configuration, long quantity, LocalDate due) {
        public Order {
            configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        }
    }

    /** The outcome of {@link #release}. */
    public sealed interface Release {
        /** The order as a production order. */
        record Released(ProductionOrder order) implements Release {}

        /** Why the order cannot be released; never empty. */
        record Rejected(List<Diagnostic> problems) implements Release {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * A released order.
     *
     * @param bom the exploded BOM of one unit (multiply {@code totalQuantity} by {@code quantity})
     * @param tasks the operations for the whole order, in an order that respects every precedence
     * @param materials the articles (BOM lines that are neither components nor cut profiles) for the order
     * @param profiles the profile-cutting demand for the order, per profile type
     */
    public record ProductionOrder(
            String orderId,
            String model,
            Map<String, String> configuration,
            long quantity,
            LocalDate due,
            List<Explosion.Line> bom,
            List<Task> tasks,
            List<MaterialNeed> materials,
            List<ProfileNeed> profiles) {
        public ProductionOrder {
            configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
            bom = List.copyOf(bom);
            tasks = List.copyOf(tasks);
            materials = List.copyOf(materials);
            profiles = List.copyOf(profiles);
        }
    }

    /**
     * One operation of a production order: the whole order's quantity as one batch.
     *
     * @param id {@code ORDER/OPERATION}, unique across orders
     * @param operation the operation's id in the explosion ({@code cut}, {@code fittings.stamp})
     * @param workCentreType the type it needs
     * @param workCentres the ids of the firm's work centres of that type (any one of them may run it)
     * @param setupMinutes the setup time, once for the batch
     * @param runMinutes the per-unit time times the ordered quantity
     * @param after the ids of the tasks of this order that must finish first
     * @param uninterruptible whether setup and run must lie in one unbroken stretch of a work centre's open
     *     time (never split over closed time; a downtime that stops it means it runs again whole)
     * @param eachUnit with {@code uninterruptible}: only each unit must be unbroken (the setup with the first
     *     unit), not the whole batch; a stop loses only the unit it cuts
     * @param perUnitMinutes the time of one unit ({@code runMinutes} is this times the quantity)
     */
    public record Task(
            String id,
            String operation,
            String description,
            String workCentreType,
            List<String> workCentres,
            long setupMinutes,
            long runMinutes,
            List<String> after,
            boolean uninterruptible,
            boolean eachUnit,
            long perUnitMinutes) {
        public Task {
            workCentres = List.copyOf(workCentres);
            after = List.copyOf(after);
        }

        /** Setup plus run time. */
        public long totalMinutes() {
            return setupMinutes + runMinutes;
        }
    }

    /**
     * Pieces of one article needed for the order, against the stock.
     *
     * @param shortfall how many more than on hand are needed (0 when the stock covers it)
     */
    public record MaterialNeed(String item, String description, long quantity, long onHand, long shortfall) {}

    /**
     * The pieces to cut from one profile type for the order, and the bar stock of that type. Choosing which
     * bar each piece is cut from (bar cutting) is left to a cutting optimiser.
     *
     * @param cuts the pieces, one entry per BOM line, counts for the whole order
     * @param totalLengthMm the summed length of the pieces (no saw kerf or trim)
     * @param stock the bars of this profile type on hand, remnants included
     */
    public record ProfileNeed(
            String profile, List<Explosion.Cut> cuts, long totalLengthMm, List<ProductionData.Bar> stock) {
        public ProfileNeed {
            cuts = List.copyOf(cuts);
            stock = List.copyOf(stock);
        }

        /** The summed length of the bars on hand. */
        public long stockLengthMm() {
            return stock.stream().mapToLong(b -> b.lengthMm() * b.quantity()).sum();
        }
    }

    /**
     * Releases {@code order} with {@code data}'s work centres and stock. A quantity below 1, an invalid or
     * incomplete configuration, an operation on a work-centre type the firm has no work centre of, or an
     * uninterruptible operation longer than the longest stretch of open time of its work centres gives
     * {@link Release.Rejected} with the reasons; it never throws for bad input.
     */
    public static Release release(ProductionData data, Order order) {
        String file = order.model().file();
        if (order.quantity() < 1) {
            return new Release.Rejected(List.of(new Diagnostic(
                    file,
                    0,
                    0,
                    "order " + order.id() + " has quantity " + order.quantity(),
                    "",
                    "order at least 1 unit.")));
        }
        Explosion explosion = BillOfMaterials.explode(order.model(), order.configuration());
        if (explosion instanceof Explosion.Rejected rejected) {
            return new Release.Rejected(rejected.problems());
        }
        Explosion.Exploded e = (Explosion.Exploded) explosion;
        List<String> boughtIn = new ArrayList<>();
        boughtIn(order.model(), order.model().firm(), "", boughtIn);
        List<Diagnostic> problems = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (Explosion.Step s : e.operations()) {
            if (under(s.id(), boughtIn)) {
                continue;
            }
            List<String> centres = data.centresOfType(s.workCentreType()).stream()
                    .map(ProductionData.WorkCentre::id)
                    .toList();
            if (centres.isEmpty()) {
                problems.add(new Diagnostic(
                        file,
                        0,
                        0,
                        "operation '" + s.id() + "' runs on work-centre type '" + s.workCentreType() + "', and "
                                + data.firm() + " has no work centre of that type",
                        "",
                        "add a work centre of type '" + s.workCentreType() + "' to the firm's production data."));
                continue;
            }
            long run = s.perUnitMinutes() * order.quantity();
            if (s.uninterruptible()) {
                // per unit, only the setup and the first unit must fit one stretch; else the whole batch
                long piece = s.setupMinutes() + (s.eachUnit() ? s.perUnitMinutes() : run);
                long longest = longestOpenStretch(data.centresOfType(s.workCentreType()), order.due());
                if (piece > longest) {
                    problems.add(new Diagnostic(
                            file,
                            0,
                            0,
                            "operation '" + s.id() + "' is uninterruptible" + (s.eachUnit() ? " per unit" : "")
                                    + " and takes " + piece + " minutes for "
                                    + (s.eachUnit() ? "its setup and first unit" : order.quantity() + " units")
                                    + ", but the longest stretch of open time"
                                    + " of work-centre type '" + s.workCentreType() + "' at " + data.firm()
                                    + " is " + longest + " minutes",
                            "",
                            (s.eachUnit()
                                            ? ""
                                            : fewerUnits(
                                                    s.setupMinutes(), s.perUnitMinutes(), longest, order.quantity()))
                                    + "give a work centre of type '" + s.workCentreType() + "' a longer shift."));
                    continue;
                }
            }
            tasks.add(new Task(
                    order.id() + "/" + s.id(),
                    s.id(),
                    s.description(),
                    s.workCentreType(),
                    centres,
                    s.setupMinutes(),
                    run,
                    s.after().stream()
                            .filter(a -> !under(a, boughtIn))
                            .map(a -> order.id() + "/" + a)
                            .toList(),
                    s.uninterruptible(),
                    s.uninterruptible() && s.eachUnit(),
                    s.perUnitMinutes()));
        }
        if (problems.isEmpty()) {
            problems.addAll(beyondPlan(data, order, file, tasks));
        }
        if (!problems.isEmpty()) {
            return new Release.Rejected(problems);
        }
        Map<String, long[]> pieces = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Explosion.Line l : e.lines()) {
            boolean bought = l.component() && boughtIn.contains(l.path() + ".");
            if (under(l.path(), boughtIn)
                    || (l.component() && !bought)
                    || !l.profile().isEmpty()) {
                continue;
            }
            pieces.computeIfAbsent(l.item(), k -> new long[1])[0] += l.totalQuantity() * order.quantity();
            descriptions.putIfAbsent(l.item(), l.description());
        }
        List<MaterialNeed> materials = new ArrayList<>();
        for (Map.Entry<String, long[]> p : pieces.entrySet()) {
            long need = p.getValue()[0];
            long onHand = data.stock().onHand(p.getKey());
            materials.add(new MaterialNeed(
                    p.getKey(), descriptions.get(p.getKey()), need, onHand, Math.max(0, need - onHand)));
        }
        Map<String, List<Explosion.Cut>> byProfile = new LinkedHashMap<>();
        for (Explosion.Cut c : e.cuts()) {
            if (under(c.item(), boughtIn)) {
                continue;
            }
            byProfile
                    .computeIfAbsent(c.profile(), k -> new ArrayList<>())
                    .add(new Explosion.Cut(c.profile(), c.lengthMm(), c.pieces() * order.quantity(), c.item()));
        }
        List<ProfileNeed> profiles = new ArrayList<>();
        for (Map.Entry<String, List<Explosion.Cut>> p : byProfile.entrySet()) {
            long total = p.getValue().stream()
                    .mapToLong(c -> c.lengthMm() * c.pieces())
                    .sum();
            profiles.add(new ProfileNeed(
                    p.getKey(), p.getValue(), total, data.stock().bars(p.getKey())));
        }
        return new Release.Released(new ProductionOrder(
                order.id(),
                e.model(),
                order.configuration(),
                order.quantity(),
                order.due(),
                e.lines(),
                tasks,
                materials,
                profiles));
    }

    /**
     * The first part of the advice for an uninterruptible operation that does not fit: the most units
     * that fit in {@code longest} minutes and how many orders that makes, when at least one fits.
     */
    static String fewerUnits(long setup, long perUnit, long longest, long quantity) {
        long fit = perUnit > 0 ? (longest - setup) / perUnit : 0;
        if (fit < 1) {
            return "";
        }
        long orders = (quantity + fit - 1) / fit;
        return "order at most " + fit + " units at a time (" + orders + " orders for " + quantity + "), or ";
    }

    /** Days looked at for {@link #longestOpenStretch}: four weeks covers every weekly shift pattern. */
    static final int STRETCH_DAYS = 28;

    /**
     * The longest unbroken stretch of open time, in minutes, of any of {@code centres} in the {@value
     * #STRETCH_DAYS} days from {@code from}: the longest uninterruptible task they can ever run.
     */
    static long longestOpenStretch(List<ProductionData.WorkCentre> centres, LocalDate from) {
        long longest = 0;
        for (ProductionData.WorkCentre c : centres) {
            for (ShiftCalendar.Period p : c.calendar()
                    .available(from.atStartOfDay(), from.plusDays(STRETCH_DAYS).atStartOfDay())) {
                longest = Math.max(longest, Duration.between(p.start(), p.end()).toMinutes());
            }
        }
        return longest;
    }

    /**
     * The longest a firm's plan reaches, in days from now: an order whose work on one work-centre type
     * exceeds the open time of the firm's work centres of that type in this many days cannot be planned.
     */
    public static final int MAX_PLAN_DAYS = 3653;

    /**
     * One problem per work-centre type on which the order's operations take more minutes than the type's
     * work centres (every lane) are open in the {@value #MAX_PLAN_DAYS} days from the order's date: no plan
     * could hold the order, even with no other work. The open time is summed {@value #STRETCH_DAYS} days at a
     * time and only until it covers the need, so an ordinary order costs one such window per type. This is a
     * necessary condition only: the work before an operation delays it, so an order just under the limit may
     * still not fit the plan (it is then released with the operations that do not fit unplanned).
     */
    private static List<Diagnostic> beyondPlan(ProductionData data, Order order, String file, List<Task> tasks) {
        Map<String, long[]> perType = new LinkedHashMap<>(); // setup minutes, per-unit minutes, total minutes
        for (Task t : tasks) {
            long[] sum = perType.computeIfAbsent(t.workCentreType(), k -> new long[3]);
            sum[0] += t.setupMinutes();
            sum[1] += t.perUnitMinutes();
            sum[2] += t.setupMinutes() + t.runMinutes();
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Map.Entry<String, long[]> e : perType.entrySet()) {
            long need = e.getValue()[2];
            long open = openMinutes(data.centresOfType(e.getKey()), order.due(), need);
            if (need <= open) {
                continue;
            }
            long perUnit = e.getValue()[1];
            long fit = perUnit > 0 ? (open - e.getValue()[0]) / perUnit : 0;
            problems.add(new Diagnostic(
                    file,
                    0,
                    0,
                    "the operations on work-centre type '" + e.getKey() + "' take " + hours(need) + " hours for "
                            + order.quantity() + " units, more than the " + hours(open) + " hours the work centres"
                            + " of that type at " + data.firm() + " are open in the " + MAX_PLAN_DAYS
                            + " days a plan reaches",
                    "",
                    (fit >= 1
                                    ? "split it into smaller orders: at most " + fit + " units fit on type '"
                                            + e.getKey() + "' in that time, fewer with the work before them; or "
                                    : "")
                            + "add work centres of type '" + e.getKey() + "' or longer shifts."));
        }
        return problems;
    }

    /**
     * The open minutes of {@code centres} (each lane counted) from {@code from} on, summed until they reach
     * {@code enough} or {@value #MAX_PLAN_DAYS} days have been counted.
     */
    static long openMinutes(List<ProductionData.WorkCentre> centres, LocalDate from, long enough) {
        long open = 0;
        for (int day = 0; day < MAX_PLAN_DAYS && open < enough; day += STRETCH_DAYS) {
            LocalDate end = from.plusDays(Math.min(MAX_PLAN_DAYS, day + STRETCH_DAYS));
            for (ProductionData.WorkCentre c : centres) {
                open += c.capacity()
                        * c.calendar().availableMinutes(from.plusDays(day).atStartOfDay(), end.atStartOfDay());
            }
        }
        return open;
    }

    private static long hours(long minutes) {
        return (minutes + 59) / 60;
    }

    /**
     * Collects the path prefixes ({@code fittings.}) of the components another firm makes: a component
     * whose model names a firm other than {@code firm} is bought in, with everything nested in it.
     */
    private static void boughtIn(ProductModel model, String firm, String prefix, List<String> out) {
        for (ProductModel.Component c : model.components()) {
            String inner = prefix + c.name() + ".";
            String maker = c.model().firm();
            if (!maker.isEmpty() && !firm.isEmpty() && !maker.equals(firm)) {
                out.add(inner);
            } else {
                boughtIn(c.model(), firm, inner, out);
            }
        }
    }

    private static boolean under(String path, List<String> prefixes) {
        return prefixes.stream().anyMatch(path::startsWith);
    }
}
