package no.tilpass.server.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.Resolution;
import no.tilpass.engine.explanation.Explanation;
import no.tilpass.engine.explanation.Repair;
import no.tilpass.engine.explanation.Retraction;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.engine.space.Decision;
import no.tilpass.engine.space.Nearest;
import no.tilpass.engine.space.OptionKind;
import no.tilpass.engine.space.Rule;
import no.tilpass.server.ApiError;
import no.tilpass.server.catalogue.Catalogue;
import no.tilpass.server.catalogue.CompiledModel;
import no.tilpass.server.catalogue.ModelView;
import no.tilpass.server.drawing.Drawing;
import no.tilpass.server.drawing.Drawings;
import org.jdbi.v3.core.Jdbi;

/**
 * Configuration sessions: every change is checked against the revision it was made on, computed by the
 * engine, written in one small transaction (optimistic on the revision) and answered with the new state.
 * Changes to one session are serialised in this process; a write against a revision that moved on is a
 * 409 with the current state.
 */
public final class Configurations {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LIVE_LIMIT = 10_000;
    private static final int DERIVED_LIMIT = 512;

    private final Catalogue catalogue;
    private final ConfigurationStore store;
    private final Clock clock;
    private final Map<String, EnginePool> pools = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Session> live = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
            return size() > LIVE_LIMIT;
        }
    };

    /** The static part of states per model version and language (see {@link StateView.Skeleton}). */
    private final Map<String, StateView.Skeleton> skeletons = new ConcurrentHashMap<>();

    private final Map<DerivedKey, Derived> derived = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<DerivedKey, Derived> eldest) {
            return size() > DERIVED_LIMIT;
        }
    };

    private final Map<String, UpgradePlan> upgradePlans = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UpgradePlan> eldest) {
            return size() > LIVE_LIMIT;
        }
    };

    /** Estimates the delivery of a full configuration (capable-to-promise); null when not computable. */
    @FunctionalInterface
    public interface DeliveryEstimator {
        Map<String, Object> estimate(String firmId, ProductModel model, Map<String, String> configuration);
    }

    private volatile DeliveryEstimator delivery = (firm, model, configuration) -> null;

    /** Makes every state carry {@code "delivery"} from {@code estimator}. */
    public void estimateDeliveryWith(DeliveryEstimator estimator) {
        this.delivery = estimator;
    }

    /**
     * Sessions on {@code jdbi}; {@code plantClock} dates them (created, last changed), the same clock that
     * dates orders and plans, so a plant run from a chosen time ({@code serve --clock}) keeps one time line.
     */
    public Configurations(Catalogue catalogue, Jdbi jdbi, Clock plantClock) {
        this.catalogue = catalogue;
        this.store = new ConfigurationStore(jdbi);
        this.clock = plantClock;
    }

    /**
     * How a state is asked for: its language ({@code ?lang=}, else the session's) and whether it is the
     * full state with every label ({@code ?view=full}) or the compact one (docs/api.md).
     */
    public record View(Optional<String> language, boolean full) {
        /** The compact state in {@code language}. */
        public static View compact(Optional<String> language) {
            return new View(language, false);
        }

        /** The full state, labels included, in {@code language}. */
        public static View full(Optional<String> language) {
            return new View(language, true);
        }
    }

    /** A full, complete configuration ready to be ordered. */
    public record Snapshot(
            Session session, Map<String, Object> configuration, Map<String, Object> price, boolean complete) {}

    /** A random URL-safe id. */
    public static String randomId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ------------------------------------------------------------------ sessions

    /** Creates a session on the given (or latest) version of a product. */
    public Map<String, Object> create(String productId, Optional<Integer> version, View view) {
        if (productId == null || catalogue.latestVersion(productId) == 0) {
            throw ApiError.unprocessable(
                            "unknown_product",
                            "no product '" + productId + "'",
                            maybeName(productId, catalogue.productIds(), "list the products with GET /api/products."))
                    .field("productId");
        }
        int v = version.orElse(catalogue.latestVersion(productId));
        CompiledModel m = catalogue.model(productId, v).orElseThrow(() -> ApiError.unprocessable(
                        "unknown_version",
                        "product '" + productId + "' has no version " + v,
                        "Maybe use a version in 1.." + catalogue.latestVersion(productId) + ".")
                .field("version"));
        String lang = language(
                m,
                view.language().orElse(null),
                m.model().languages().isEmpty()
                        ? "nb"
                        : m.model().languages().contains("nb")
                                ? "nb"
                                : m.model().languages().get(0));
        Instant now = now();
        Session s = new Session(
                randomId(),
                m.version().firmId(),
                productId,
                v,
                lang,
                0,
                List.of(),
                List.of(),
                Optional.empty(),
                now,
                now);
        Analysis a = analyse(m, s.id(), List.of())
                .orElseThrow(() ->
                        new IllegalStateException("model " + productId + "/" + v + " has no valid configuration"));
        store.insert(s);
        remember(s);
        return state(s, m, a, lang, view.full());
    }

    public Map<String, Object> get(String id, View view) {
        Session s = load(id);
        int stored = store.revision(id).orElse(s.revision());
        if (stored != s.revision()) {
            s = load(id, stored); // changed through another server process on the same database (D22)
        }
        CompiledModel m = model(s);
        return state(s, m, analyseStored(s, m), language(m, view.language().orElse(null), s.language()), view.full());
    }

    /** The state of the session shared under {@code token}. */
    public Map<String, Object> shared(String token, View view) {
        String id = store.findIdByToken(token).orElseThrow(() -> ApiError.notFound("shared configuration", token));
        return get(id, view);
    }

    /** Sets (or changes) the customer's value of an option. */
    public Map<String, Object> set(String id, String option, JsonNode value, int revision, View view) {
        return change(id, revision, view, (s, m) -> {
            ProductModel.OptionInfo o = option(m, option);
            String v = value(o, value);
            List<Decision> others = without(s.decisions(), option);
            List<Decision> next = new ArrayList<>(others);
            next.add(new Decision(option, v));
            if (analyse(m, s.id(), next).isEmpty()) {
                throw unavailable(m, others, new Decision(option, v), s.language());
            }
            return new Change(s.version(), next);
        });
    }

    /** Removes the customer's decision on an option (nothing to remove is still a new revision). */
    public Map<String, Object> clear(String id, String option, int revision, View view) {
        return change(id, revision, view, (s, m) -> {
            option(m, option);
            return new Change(s.version(), without(s.decisions(), option));
        });
    }

    /** Undoes the last change of any kind. */
    public Map<String, Object> undo(String id, int revision, View view) {
        Object lock = lock(id);
        synchronized (lock) {
            Session s = load(id, revision);
            checkRevision(s, revision, view);
            if (s.history().isEmpty()) {
                throw ApiError.unprocessable(
                        "nothing_to_undo",
                        "the configuration has no change to undo",
                        "Maybe make a change first; canUndo says when undo is possible.");
            }
            Session next = s.undo(now());
            return save(s, next, view);
        }
    }

    /** Why {@code option=value} is unavailable, with the minimal repair. */
    public Map<String, Object> explain(String id, String option, String valueText, Optional<String> language) {
        Session s = load(id);
        CompiledModel m = model(s);
        String lang = language(m, language.orElse(null), s.language());
        ProductModel.OptionInfo o = option(m, option);
        if (valueText == null) {
            throw ApiError.badRequest("missing_parameter", "explain needs ?value=", "Maybe add &value=... to the URL.")
                    .field("value");
        }
        String v = value(o, Json.text(valueText));
        return explanation(m, without(s.decisions(), option), s.decisions(), new Decision(option, v), lang);
    }

    /** Sets a value and retracts the minimal set of older decisions that conflict with it. */
    public Map<String, Object> repair(String id, String option, JsonNode value, int revision, View view) {
        return change(id, revision, view, (s, m) -> {
            ProductModel.OptionInfo o = option(m, option);
            Decision query = new Decision(option, value(o, value));
            List<Decision> others = without(s.decisions(), option);
            no.tilpass.engine.explanation.Change answer = pool(m).withExplainer(e -> e.makeAvailable(others, query));
            Change change = null;
            if (answer instanceof no.tilpass.engine.explanation.Change.AlreadyAvailable) {
                List<Decision> next = new ArrayList<>(others);
                next.add(query);
                change = new Change(s.version(), next);
            } else if (answer instanceof no.tilpass.engine.explanation.Change.Retract r) {
                change = new Change(s.version(), r.resulting());
            }
            if (change == null) {
                throw unavailable(m, others, query, s.language());
            }
            return change;
        });
    }

    /** Gives every open option its default where valid, else a valid value. */
    public Map<String, Object> complete(String id, int revision, View view) {
        return change(id, revision, view, (s, m) -> {
            Analysis a = analyse(m, s.id(), s.decisions()).orElseThrow();
            List<Decision> next = new ArrayList<>(s.decisions());
            List<no.tilpass.engine.space.Option> options = m.model().space().options();
            for (int i = 0; i < options.size(); i++) {
                if (!a.domains().decided(i) && !a.domains().forced(i)) {
                    next.add(new Decision(
                            options.get(i).name(),
                            a.completion().get(options.get(i).name())));
                }
            }
            return new Change(s.version(), next);
        });
    }

    /** Moves the session to the latest version of its product, retracting what no longer fits. */
    public Map<String, Object> upgrade(String id, int revision, View view) {
        return change(id, revision, view, (s, m) -> {
            int latest = catalogue.latestVersion(s.productId());
            if (latest <= s.version()) {
                throw ApiError.unprocessable(
                        "no_upgrade",
                        "the configuration is on the latest version " + s.version(),
                        "Maybe there is nothing to do; upgrade is offered when state.upgrade is not null.");
            }
            CompiledModel newer = catalogue.model(s.productId(), latest).orElseThrow();
            return new Change(latest, upgradePlan(s, newer).kept());
        });
    }

    /** A share token (created once) and the link that opens the configuration. */
    public Map<String, Object> share(String id) {
        Object lock = lock(id);
        synchronized (lock) {
            Session s = load(id);
            if (s.shareToken().isEmpty()) {
                Session shared = s.shared(randomId());
                if (!store.update(shared, s.revision())) {
                    forget(id);
                    return share(id);
                }
                remember(shared);
                s = shared;
            }
            String token = s.shareToken().orElseThrow();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("token", token);
            out.put("url", "/c/" + token);
            return out;
        }
    }

    /** The session's full configuration and price for an order at {@code revision}. */
    public Snapshot snapshot(String id, int revision) {
        Session s = load(id, revision);
        CompiledModel m = model(s);
        if (s.revision() != revision) {
            throw stale(s, revision, m, s.language(), false);
        }
        Analysis a = analyseStored(s, m);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ProductModel.OptionInfo o : m.model().options()) {
            values.put(o.name(), ModelView.typed(o, a.completion().get(o.name())));
        }
        boolean complete = StateView.complete(a.domains());
        Map<String, Object> price = StateView.price(m.model(), a.completion(), !complete, s.language());
        return new Snapshot(s, values, price, complete);
    }

    // ------------------------------------------------------------------ changes

    private record Change(int version, List<Decision> decisions) {}

    @FunctionalInterface
    private interface Step {
        Change apply(Session s, CompiledModel m);
    }

    private Map<String, Object> change(String id, int revision, View view, Step step) {
        Object lock = lock(id);
        synchronized (lock) {
            Session s = load(id, revision);
            checkRevision(s, revision, view);
            Change c = step.apply(s, model(s));
            return save(s, s.change(c.version(), c.decisions(), now()), view);
        }
    }

    private Map<String, Object> save(Session before, Session after, View view) {
        CompiledModel m = catalogue.model(after.productId(), after.version()).orElseThrow();
        Analysis a = analyseStored(after, m);
        if (!store.update(after, before.revision())) {
            forget(after.id());
            Session current = load(after.id());
            throw stale(
                    current,
                    before.revision(),
                    model(current),
                    view.language().orElse(current.language()),
                    view.full());
        }
        remember(after);
        return state(after, m, a, language(m, view.language().orElse(null), after.language()), view.full());
    }

    private void checkRevision(Session s, int revision, View view) {
        if (s.revision() != revision) {
            CompiledModel m = model(s);
            throw stale(s, revision, m, language(m, view.language().orElse(null), s.language()), view.full());
        }
    }

    private ApiError stale(Session current, int revision, CompiledModel m, String language, boolean full) {
        return ApiError.of(
                        409,
                        "stale_revision",
                        "the change was made against revision " + revision + " but the configuration is at revision "
                                + current.revision(),
                        "Maybe reload the configuration (error.current) and apply the change again.")
                .field("revision")
                .with("current", state(current, m, analyseStored(current, m), language, full));
    }

    // ------------------------------------------------------------------ state

    private Map<String, Object> state(Session s, CompiledModel m, Analysis a, String language, boolean full) {
        StateView.Skeleton skeleton = skeletons.computeIfAbsent(
                m.productId() + "/" + m.number() + "/" + language, k -> StateView.Skeleton.of(m, language));
        Derived d = derived(m, a.completion());
        Map<String, Object> price = StateView.price(d.quote(), !StateView.complete(a.domains()), language);
        StateView.Extras extras = new StateView.Extras(upgradeInfo(s), price, d.drawingJson());
        Map<String, Object> out = full
                ? StateView.state(s, skeleton, a, language, extras)
                : StateView.compactState(s, skeleton, a, language, extras);
        out.put("delivery", delivery.estimate(s.firmId(), m.model(), a.completion()));
        return out;
    }

    /**
     * What a state shows that is a function of the model version and the completion alone.
     *
     * @param drawingJson the drawing as JSON text, written once (a drawing has hundreds of numbers)
     */
    private record Derived(ProductModel.Quote quote, RawValue drawingJson) {}

    private record DerivedKey(String modelVersion, Map<String, String> completion) {}

    /** The price quote and drawing of a completion, memoised (reloads, undo and common paths repeat them). */
    private Derived derived(CompiledModel m, Map<String, String> completion) {
        DerivedKey key = new DerivedKey(m.productId() + "/" + m.number(), completion);
        synchronized (derived) {
            Derived known = derived.get(key);
            if (known != null) {
                return known;
            }
        }
        Drawing drawing = Drawings.draw(m.model().name(), completion);
        Derived fresh = new Derived(
                m.model().quote(completion),
                drawing == null ? null : new RawValue(no.tilpass.server.Json.write(drawing)));
        synchronized (derived) {
            derived.put(key, fresh);
        }
        return fresh;
    }

    private Map<String, Object> upgradeInfo(Session s) {
        int latest = catalogue.latestVersion(s.productId());
        if (latest <= s.version()) {
            return null;
        }
        CompiledModel newer = catalogue.model(s.productId(), latest).orElseThrow();
        UpgradePlan plan = upgradePlan(s, newer);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("toVersion", latest);
        out.put("versionLabel", newer.version().versionLabel());
        List<Map<String, Object>> retract = new ArrayList<>();
        for (Decision d : plan.retracted()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("option", d.option());
            row.put(
                    "value",
                    newer.model()
                            .option(d.option())
                            .map(o -> ModelView.typed(o, d.value()))
                            .orElse(d.value()));
            retract.add(row);
        }
        out.put("retract", retract);
        return out;
    }

    private record UpgradePlan(List<Decision> kept, List<Decision> retracted) {
        UpgradePlan {
            kept = List.copyOf(kept);
            retracted = List.copyOf(retracted);
        }
    }

    /** Which decisions survive on {@code newer}: those that still resolve, minus a minimal repair. */
    private UpgradePlan upgradePlan(Session s, CompiledModel newer) {
        String key = s.productId() + "/" + s.version() + ">" + newer.number() + ":" + s.decisions();
        synchronized (upgradePlans) {
            UpgradePlan known = upgradePlans.get(key);
            if (known != null) {
                return known;
            }
        }
        UpgradePlan plan = computeUpgradePlan(s, newer);
        synchronized (upgradePlans) {
            upgradePlans.put(key, plan);
        }
        return plan;
    }

    private UpgradePlan computeUpgradePlan(Session s, CompiledModel newer) {
        List<Decision> resolvable = new ArrayList<>();
        List<Decision> retracted = new ArrayList<>();
        for (Decision d : s.decisions()) {
            if (Configurator.resolve(newer.model().space(), List.of(d)) instanceof Resolution.Resolved) {
                resolvable.add(d);
            } else {
                retracted.add(d);
            }
        }
        Repair repair = pool(newer).withExplainer(e -> e.repair(resolvable));
        List<Decision> kept = resolvable;
        if (repair instanceof Repair.Retract r) {
            kept = r.kept();
            retracted.addAll(r.retracted());
        }
        return new UpgradePlan(kept, retracted);
    }

    private Map<String, Object> explanation(
            CompiledModel m, List<Decision> others, List<Decision> all, Decision query, String language) {
        ProductModel.OptionInfo o = m.model().option(query.option()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("option", query.option());
        out.put("value", ModelView.typed(o, query.value()));
        out.put("label", ModelView.valueLabel(m, o, query.value(), language));
        Explanation e = pool(m).withExplainer(x -> x.whyUnavailable(others, query));
        List<Map<String, Object>> decisions = new ArrayList<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        boolean available = e instanceof Explanation.Available;
        if (e instanceof Explanation.Excluded excluded) {
            for (Decision d : excluded.decisions()) {
                decisions.add(decisionJson(m, d, language));
            }
            for (Rule r : excluded.rules()) {
                rules.add(ruleJson(m, r, language));
            }
        }
        out.put("available", available);
        out.put("dead", e instanceof Explanation.Excluded x && x.dead());
        out.put("decisions", decisions);
        out.put("rules", rules);
        Map<String, Object> repair = null;
        Map<String, Object> oneChange = null;
        if (!available) {
            no.tilpass.engine.explanation.Change change = pool(m).withExplainer(x -> x.makeAvailable(others, query));
            if (change instanceof no.tilpass.engine.explanation.Change.Retract r) {
                repair = new LinkedHashMap<>();
                repair.put("set", decisionJson(m, query, language));
                List<Map<String, Object>> retract = new ArrayList<>();
                for (Retraction rt : r.retractions()) {
                    Map<String, Object> row = decisionJson(m, rt.decision(), language);
                    ProductModel.OptionInfo ro =
                            m.model().option(rt.decision().option()).orElseThrow();
                    row.put(
                            "alternatives",
                            rt.alternatives().stream()
                                    .map(v -> ModelView.typed(ro, v))
                                    .toList());
                    retract.add(row);
                }
                repair.put("retract", retract);
                if (r.retractions().size() == 1
                        && !r.retractions().get(0).alternatives().isEmpty()) {
                    Retraction only = r.retractions().get(0);
                    ProductModel.OptionInfo ro =
                            m.model().option(only.decision().option()).orElseThrow();
                    String to = only.alternatives().get(0);
                    oneChange = new LinkedHashMap<>();
                    oneChange.put("option", only.decision().option());
                    oneChange.put("from", ModelView.typed(ro, only.decision().value()));
                    oneChange.put("value", ModelView.typed(ro, to));
                    oneChange.put("label", ModelView.valueLabel(m, ro, to, language));
                }
            }
        }
        out.put("repair", repair);
        out.put("oneChange", oneChange);
        out.put("message", sentence(m, o, query, decisions, rules, available, language));
        return out;
    }

    private static String sentence(
            CompiledModel m,
            ProductModel.OptionInfo o,
            Decision query,
            List<Map<String, Object>> decisions,
            List<Map<String, Object>> rules,
            boolean available,
            String language) {
        String what =
                m.label(o.labels(), language, o.name()) + " = " + ModelView.valueLabel(m, o, query.value(), language);
        if (available) {
            return what + ": OK.";
        }
        StringBuilder sb = new StringBuilder(what);
        sb.append(": ");
        for (Map<String, Object> r : rules) {
            sb.append(r.get("sentence")).append(' ');
        }
        return sb.toString().strip();
    }

    private Map<String, Object> decisionJson(CompiledModel m, Decision d, String language) {
        ProductModel.OptionInfo o = m.model().option(d.option()).orElseThrow();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("option", d.option());
        row.put("optionLabel", m.label(o.labels(), language, o.name()));
        row.put("value", ModelView.typed(o, d.value()));
        row.put("label", ModelView.valueLabel(m, o, d.value(), language));
        return row;
    }

    private static Map<String, Object> ruleJson(CompiledModel m, Rule r, String language) {
        ProductModel.RuleInfo info = m.rulesById().get(r.id());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.id());
        row.put("name", info == null ? r.name() : info.name(language));
        row.put("sentence", info == null ? r.explanation() : m.label(info.explanation(), language, r.explanation()));
        return row;
    }

    private ApiError unavailable(CompiledModel m, List<Decision> others, Decision query, String language) {
        Map<String, Object> explanation = explanation(m, others, others, query, language);
        ProductModel.OptionInfo o = m.model().option(query.option()).orElseThrow();
        return ApiError.unprocessable(
                        "value_unavailable",
                        "'" + query.value() + "' is not available for '" + query.option() + "': "
                                + explanation.get("message"),
                        explanation.get("repair") == null
                                ? "Maybe choose another value of " + m.label(o.labels(), language, o.name()) + "."
                                : "Maybe use repair to set it and retract the conflicting decisions.")
                .field("value")
                .with("explanation", explanation);
    }

    // ------------------------------------------------------------------ engine and storage

    private Optional<Analysis> analyse(CompiledModel m, String sessionId, List<Decision> decisions) {
        return pool(m).analyse(sessionId, decisions);
    }

    private Analysis analyseStored(Session s, CompiledModel m) {
        return analyse(m, s.id(), s.decisions())
                .orElseThrow(() -> new IllegalStateException("stored decisions of configuration " + s.id()
                        + " conflict with " + s.productId() + "/" + s.version()));
    }

    private EnginePool pool(CompiledModel m) {
        return pools.computeIfAbsent(m.productId() + "/" + m.number(), k -> new EnginePool(m));
    }

    private CompiledModel model(Session s) {
        return catalogue
                .model(s.productId(), s.version())
                .orElseThrow(() -> new IllegalStateException(
                        "configuration " + s.id() + " names missing model " + s.productId() + "/" + s.version()));
    }

    private Session load(String id) {
        synchronized (live) {
            Session s = live.get(id);
            if (s != null) {
                return s;
            }
        }
        Session s = store.find(id).orElseThrow(() -> ApiError.notFound("configuration", id));
        remember(s);
        return s;
    }

    /**
     * The session, read again from the database when the cached one is not at {@code revision}: another
     * server process on the same database may have moved it on (D22).
     */
    private Session load(String id, int revision) {
        Session s = load(id);
        if (s.revision() == revision) {
            return s;
        }
        forget(id);
        return load(id);
    }

    private void remember(Session s) {
        synchronized (live) {
            live.put(s.id(), s);
        }
    }

    private void forget(String id) {
        synchronized (live) {
            live.remove(id);
        }
    }

    private Object lock(String id) {
        if (locks.size() > LIVE_LIMIT) {
            locks.clear();
        }
        return locks.computeIfAbsent(id, k -> new Object());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<Decision> without(List<Decision> decisions, String option) {
        return decisions.stream().filter(d -> !d.option().equals(option)).toList();
    }

    // ------------------------------------------------------------------ input

    private static String language(CompiledModel m, String requested, String fallback) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        List<String> languages = m.model().languages().isEmpty()
                ? List.of("nb", "sv", "en")
                : m.model().languages();
        if (!languages.contains(requested)) {
            throw ApiError.unprocessable(
                            "unknown_language",
                            "language '" + requested + "' is not one of " + languages,
                            "Maybe use ?lang=" + languages.get(0) + ".")
                    .field("lang");
        }
        return requested;
    }

    private static ProductModel.OptionInfo option(CompiledModel m, String option) {
        return m.model().option(option).orElseThrow(() -> {
            Resolution r = Configurator.resolve(m.model().space(), List.of(new Decision(option, "?")));
            String[] parts = problem(r);
            return ApiError.unprocessable("unknown_option", parts[0], parts[1]).field("option");
        });
    }

    /** The engine's spelling of a JSON value of {@code o}; 422 when it is no value of the option. */
    static String value(ProductModel.OptionInfo o, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            throw ApiError.unprocessable(
                            "invalid_value",
                            "option '" + o.name() + "' needs a value",
                            "Maybe send {\"value\": " + example(o) + ", \"revision\": ...}.")
                    .field("value");
        }
        String text = node.isTextual() ? node.asText().strip() : node.asText();
        if (o.kind() == OptionKind.INTEGER) {
            long number;
            try {
                number = node.isIntegralNumber() ? node.asLong() : Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw ApiError.unprocessable(
                                "invalid_value",
                                "'" + text + "' is not a number for option '" + o.name() + "'",
                                "Maybe send a whole number in " + o.min() + ".." + o.max() + ".")
                        .field("value");
            }
            if (number < o.min() || number > o.max() || (number - o.min()) % Math.max(1, o.step()) != 0) {
                long step = Math.max(1, o.step());
                long clamped = Math.max(o.min(), Math.min(o.max(), number));
                long nearest = o.min() + Math.round((clamped - o.min()) / (double) step) * step;
                nearest = Math.min(nearest, o.max() - (o.max() - o.min()) % step);
                throw ApiError.unprocessable(
                                "value_out_of_range",
                                "option '" + o.name() + "' takes " + o.min() + ".." + o.max()
                                        + (step != 1 ? " in steps of " + step : "")
                                        + (o.unit().isEmpty() ? "" : " " + o.unit())
                                        + "; " + number + " is not one of them",
                                "Maybe " + nearest + "?")
                        .field("value");
            }
            return Long.toString(number);
        }
        if (o.kind() == OptionKind.BOOLEAN) {
            if (node.isBoolean() || text.equals("true") || text.equals("false")) {
                return Boolean.toString(node.isBoolean() ? node.asBoolean() : Boolean.parseBoolean(text));
            }
            throw ApiError.unprocessable(
                            "unknown_value",
                            "option '" + o.name() + "' is true or false, not '" + text + "'",
                            "Maybe true?")
                    .field("value");
        }
        List<String> names =
                o.values().stream().map(ProductModel.ValueInfo::name).toList();
        if (!names.contains(text)) {
            throw ApiError.unprocessable(
                            "unknown_value",
                            "option '" + o.name() + "' has no value '" + text + "'",
                            maybeName(text, names, "use one of " + String.join(", ", names) + "."))
                    .field("value");
        }
        return text;
    }

    private static String example(ProductModel.OptionInfo o) {
        return switch (o.kind()) {
            case INTEGER -> Long.toString(o.min());
            case BOOLEAN -> "true";
            case ENUM -> "\"" + o.values().get(0).name() + "\"";
        };
    }

    /** "Maybe you meant 'x'?" from the engine's nearest-name helper, else "Maybe " + fallback. */
    static String maybeName(String wrong, List<String> names, String fallback) {
        String meant = Nearest.meant(wrong == null ? "" : wrong, names);
        return "Maybe " + (meant.isEmpty() ? fallback : meant);
    }

    /** Splits an engine problem text into its message (without the "decision N" prefix) and its Maybe line. */
    private static String[] problem(Resolution r) {
        String text = ((Resolution.Invalid) r).problems().get(0);
        int maybe = text.indexOf("Maybe");
        String message = (maybe < 0 ? text : text.substring(0, maybe)).strip();
        int colon = message.indexOf("': ");
        if (message.startsWith("decision ") && colon >= 0) {
            message = message.substring(colon + 3);
        }
        return new String[] {message, maybe < 0 ? null : text.substring(maybe).strip()};
    }

    /** JSON helpers for query parameters. */
    private static final class Json {
        static JsonNode text(String s) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
        }
    }
}
