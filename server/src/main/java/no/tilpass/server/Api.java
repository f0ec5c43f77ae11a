package no.tilpass.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tilpass.engine.space.Diagnostic;
import no.tilpass.server.catalogue.Catalogue;
import no.tilpass.server.catalogue.CompiledModel;
import no.tilpass.server.catalogue.Firm;
import no.tilpass.server.catalogue.ModelView;
import no.tilpass.server.configuration.Configurations;
import no.tilpass.server.openapi.OpenApi;
import no.tilpass.server.order.Orders;
import no.tilpass.server.production.StockFlow;
import no.tilpass.server.quote.QuoteRoutes;

/**
 * Every route of the REST API (docs/api.md) in one list, with the handlers that translate HTTP to the
 * services of {@link Platform} and back. Handlers throw {@link ApiError} for bad requests; the server
 * turns them into the error body.
 */
final class Api {
    /** Request bodies above this are refused with 413. */
    static final long MAX_BODY = 1L << 20;

    private final Platform platform;
    /** {@code GET /api/products/{id}/model} per product, version and language. */
    private final Map<String, Texts> modelTexts = new ConcurrentHashMap<>();

    Api(Platform platform) {
        this.platform = platform;
    }

    /** The routes, in the order of docs/api.md. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>(List.of(
                route(HandlerType.GET, "/api/firms", this::firms),
                route(HandlerType.GET, "/api/products", this::products),
                route(HandlerType.GET, "/api/products/{id}", this::product),
                route(HandlerType.GET, "/api/products/{id}/model", this::model),
                route(HandlerType.POST, "/api/firms/{firmId}/models/validate", this::validateModel),
                route(HandlerType.POST, "/api/firms/{firmId}/models", this::publishModel),
                route(HandlerType.POST, "/api/configurations", this::createConfiguration),
                route(HandlerType.GET, "/api/configurations/{id}", this::configuration),
                route(HandlerType.PUT, "/api/configurations/{id}/decisions/{option}", this::setDecision),
                route(HandlerType.DELETE, "/api/configurations/{id}/decisions/{option}", this::clearDecision),
                route(HandlerType.POST, "/api/configurations/{id}/undo", this::undo),
                route(HandlerType.GET, "/api/configurations/{id}/explain", this::explain),
                route(HandlerType.POST, "/api/configurations/{id}/repair", this::repair),
                route(HandlerType.POST, "/api/configurations/{id}/complete", this::complete),
                route(HandlerType.POST, "/api/configurations/{id}/share", this::share),
                route(HandlerType.GET, "/api/shared/{token}", this::shared),
                route(HandlerType.POST, "/api/configurations/{id}/upgrade", this::upgrade),
                route(HandlerType.POST, "/api/orders", this::placeOrder),
                route(HandlerType.GET, "/api/orders/{id}", this::order),
                route(HandlerType.GET, "/api/firms/{firmId}/orders", this::firmOrders),
                route(HandlerType.GET, "/c/{token}", this::sharedPage),
                route(HandlerType.GET, "/api/orders/{id}/production", this::productionOrder),
                route(HandlerType.GET, "/api/firms/{firmId}/plan", this::plan),
                route(HandlerType.POST, "/api/firms/{firmId}/cutting-plans", this::cuttingPlan),
                route(HandlerType.GET, "/api/firms/{firmId}/cutting-plans/latest", this::latestCuttingPlan),
                route(HandlerType.GET, "/api/firms/{firmId}/remnants", this::remnants),
                route(HandlerType.GET, "/api/firms/{firmId}/stock", this::stock),
                route(HandlerType.POST, "/api/firms/{firmId}/stock/receipts", this::receive),
                route(HandlerType.GET, "/api/firms/{firmId}/stock/movements", this::movements),
                route(HandlerType.POST, "/api/firms/{firmId}/work-centres/{id}/downtime", this::downtime),
                route(HandlerType.GET, "/api/firms/{firmId}/work-centres/{id}/calendar", this::calendar),
                route(HandlerType.PUT, "/api/firms/{firmId}/work-centres/{id}/calendar", this::changeCalendar),
                route(HandlerType.PATCH, "/api/firms/{firmId}/holidays", this::changeHolidays),
                route(HandlerType.GET, "/api/firms/{firmId}/work-centres/{id}/work-list.pdf", this::workList),
                route(HandlerType.GET, "/planner", this::plannerPage)));
        // Documents (server-docs): quote.pdf and drawing.svg of a session, and the OpenAPI document.
        routes.addAll(QuoteRoutes.routes(platform));
        routes.addAll(OpenApi.routes());
        return List.copyOf(routes);
    }

    private static Route route(HandlerType method, String path, Handler handler) {
        return new Route(method, path, handler);
    }

    // ------------------------------------------------------------------ firms and products

    private void firms(Context ctx) {
        Catalogue c = platform.catalogue();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Firm f : c.firms()) {
            out.add(ModelView.firm(f, c.productIdsOf(f.id())));
        }
        json(ctx, 200, out);
    }

    private void products(Context ctx) {
        Catalogue c = platform.catalogue();
        String lang = lang(ctx).orElse("nb");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : c.productIds()) {
            c.latest(id).ifPresent(m -> out.add(ModelView.product(m, lang)));
        }
        json(ctx, 200, out);
    }

    private void product(Context ctx) {
        Catalogue c = platform.catalogue();
        String id = ctx.pathParam("id");
        CompiledModel latest = c.latest(id).orElseThrow(() -> ApiError.notFound("product", id));
        json(
                ctx,
                200,
                ModelView.productWithVersions(latest, c.versions(id), lang(ctx).orElse("nb")));
    }

    private void model(Context ctx) {
        Catalogue c = platform.catalogue();
        String id = ctx.pathParam("id");
        if (c.latestVersion(id) == 0) {
            throw ApiError.notFound("product", id);
        }
        int version = intParam(ctx, "version").orElse(c.latestVersion(id));
        CompiledModel m =
                c.model(id, version).orElseThrow(() -> ApiError.notFound("product version", id + "/" + version));
        String language = lang(ctx).orElse("nb");
        // A version is immutable, so its model (the texts a compact state leaves out) is written once per
        // language and cached by the browser for good when the URL names the version.
        Texts texts = modelTexts.computeIfAbsent(
                m.productId() + "/" + m.number() + "/" + language, k -> Texts.of(ModelView.model(m, language)));
        ctx.header("ETag", texts.etag());
        ctx.header(
                "Cache-Control",
                ctx.queryParam("version") == null ? "no-cache" : "public, max-age=31536000, immutable");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(texts.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result(texts.json());
    }

    /** A model version's JSON in one language and its entity tag (a digest of the JSON). */
    private record Texts(byte[] json, String etag) {
        static Texts of(Object model) {
            byte[] json = Json.bytes(model);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
                return new Texts(json, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java", e);
            }
        }
    }

    private void validateModel(Context ctx) {
        String firmId = firm(ctx);
        String file = fileParam(ctx);
        Catalogue.Validation v = platform.catalogue().validate(firmId, file, ctx.body());
        if (v instanceof Catalogue.Validation.Valid valid) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("id", valid.model().name());
            summary.put(
                    "label",
                    valid.model().labels().values().stream()
                            .findFirst()
                            .orElse(valid.model().name()));
            summary.put("versionLabel", valid.model().version());
            summary.put("options", valid.model().options().size());
            summary.put("rules", valid.model().rules().size());
            summary.put(
                    "nextVersion",
                    platform.catalogue().latestVersion(valid.model().name()) + 1);
            json(ctx, 200, Json.map("valid", true, "summary", summary, "warnings", diagnostics(valid.warnings())));
        } else {
            json(ctx, 422, invalidModel(((Catalogue.Validation.Invalid) v).errors()));
        }
    }

    private void publishModel(Context ctx) {
        String firmId = firm(ctx);
        String file = fileParam(ctx);
        Catalogue.Publication p = platform.catalogue().publish(firmId, file, ctx.body());
        if (p instanceof Catalogue.Publication.Published published) {
            json(ctx, 201, ModelView.product(published.model(), lang(ctx).orElse("nb")));
        } else {
            json(ctx, 422, invalidModel(((Catalogue.Publication.Rejected) p).errors()));
        }
    }

    private static Map<String, Object> invalidModel(List<Diagnostic> errors) {
        List<Map<String, Object>> list = diagnostics(errors);
        Diagnostic first = errors.get(0);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 422);
        error.put("code", "invalid_model");
        error.put("message", first.message());
        error.put("maybe", first.maybe().isBlank() ? null : "Maybe " + first.maybe());
        error.put("where", where(first));
        error.put("field", "body");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", false);
        out.put("errors", list);
        out.put("error", error);
        return out;
    }

    private static String where(Diagnostic d) {
        return d.line() > 0 ? d.file() + ":" + d.line() + ":" + d.column() : d.file();
    }

    private static List<Map<String, Object>> diagnostics(List<Diagnostic> ds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.file());
            m.put("line", d.line());
            m.put("column", d.column());
            m.put("message", d.message());
            m.put("text", d.offendingText());
            m.put("maybe", d.maybe().isBlank() ? null : "Maybe " + d.maybe());
            m.put("where", where(d));
            out.add(m);
        }
        return out;
    }

    private String firm(Context ctx) {
        String firmId = ctx.pathParam("firmId");
        platform.catalogue().firm(firmId).orElseThrow(() -> ApiError.notFound("firm", firmId));
        return firmId;
    }

    private static String fileParam(Context ctx) {
        String file = ctx.queryParam("file");
        if (file == null || file.isBlank()) {
            throw ApiError.badRequest(
                            "missing_parameter",
                            "publishing a model needs ?file=NAME.tpm",
                            "Maybe add ?file=door.tpm to the URL.")
                    .field("file");
        }
        return file;
    }

    // ------------------------------------------------------------------ configurations

    private void createConfiguration(Context ctx) {
        ObjectNode body = Json.readObject(ctx.body());
        JsonNode product = body.get("productId");
        if (product == null || !product.isTextual()) {
            throw ApiError.badRequest(
                            "missing_field",
                            "a configuration needs \"productId\"",
                            "Maybe send {\"productId\": \"casement_window\"}.")
                    .field("productId");
        }
        JsonNode version = body.get("version");
        if (version != null && !version.isNull() && !version.canConvertToInt()) {
            throw ApiError.badRequest(
                            "invalid_field", "\"version\" must be a whole number", "Maybe leave it out for the latest.")
                    .field("version");
        }
        JsonNode language = body.get("language");
        json(
                ctx,
                201,
                platform.configurations()
                        .create(
                                product.asText(),
                                version == null || version.isNull() ? Optional.empty() : Optional.of(version.asInt()),
                                new Configurations.View(
                                        language == null || language.isNull()
                                                ? lang(ctx)
                                                : Optional.of(language.asText()),
                                        full(ctx))));
    }

    private void configuration(Context ctx) {
        json(ctx, 200, platform.configurations().get(ctx.pathParam("id"), view(ctx)));
    }

    private void setDecision(Context ctx) {
        ObjectNode body = Json.readObject(ctx.body());
        json(
                ctx,
                200,
                platform.configurations()
                        .set(
                                ctx.pathParam("id"),
                                ctx.pathParam("option"),
                                body.get("value"),
                                revision(body),
                                view(ctx)));
    }

    private void clearDecision(Context ctx) {
        int revision = intParam(ctx, "revision").orElseThrow(() -> missingRevision());
        json(
                ctx,
                200,
                platform.configurations().clear(ctx.pathParam("id"), ctx.pathParam("option"), revision, view(ctx)));
    }

    private void undo(Context ctx) {
        ObjectNode body = Json.readObject(ctx.body());
        json(ctx, 200, platform.configurations().undo(ctx.pathParam("id"), revision(body), view(ctx)));
    }

    private void explain(Context ctx) {
        String option = ctx.queryParam("option");
        if (option == null || option.isBlank()) {
            throw ApiError.badRequest(
                            "missing_parameter",
                            "explain needs ?option=NAME&value=VALUE",
                            "Maybe add ?option=opening_type&value=tilt_turn.")
                    .field("option");
        }
        json(
                ctx,
                200,
                platform.configurations().explain(ctx.pathParam("id"), option, ctx.queryParam("value"), lang(ctx)));
    }

    private void repair(Context ctx) {
        ObjectNode body = Json.readObject(ctx.body());
        JsonNode option = body.get("option");
        if (option == null || !option.isTextual()) {
            throw ApiError.badRequest(
                            "missing_field",
                            "repair needs \"option\" and \"value\"",
                            "Maybe send {\"option\": \"opening_type\", \"value\": \"tilt_turn\", \"revision\": 3}.")
                    .field("option");
        }
        json(
                ctx,
                200,
                platform.configurations()
                        .repair(ctx.pathParam("id"), option.asText(), body.get("value"), revision(body), view(ctx)));
    }

    private void complete(Context ctx) {
        ObjectNode body = Json.readObject(ctx.body());
        json(ctx, 200, platform.configurations().complete(ctx.pathParam("id"), revision(body), view(ctx)));
    }

    private void share(Context ctx) {
        json(ctx, 200, platform.configurations().share(ctx.pathParam("id")));
    }

    private void shared(Context ctx) {
        json(ctx, 200, platform.configurations().shared(ctx.pathParam("token"), view(ctx)));
    }

    private void upgrade(Context ctx) {
        ObjectNode body = Json.readObject(ctx.body());
        json(ctx, 200, platform.configurations().upgrade(ctx.pathParam("id"), revision(body), view(ctx)));
    }

    // ------------------------------------------------------------------ orders

    private void placeOrder(Context ctx) {
        ObjectNode body = Json.readObject(ctx.body());
        Orders.Placed placed = platform.orders().place(ctx.header("Idempotency-Key"), body);
        platform.production().releasePending((String) placed.order().get("firmId"));
        json(ctx, placed.created() ? 201 : 200, withProduction(placed.order()));
    }

    private void order(Context ctx) {
        json(ctx, 200, withProduction(platform.orders().get(ctx.pathParam("id"))));
    }

    /** The order with {@code "production"}: its promised date and planned finish once released, else null. */
    private Map<String, Object> withProduction(Map<String, Object> order) {
        Map<String, Object> out = new LinkedHashMap<>(order);
        out.put(
                "production",
                platform.production().summary((String) order.get("id")).orElse(null));
        return out;
    }

    // ------------------------------------------------------------------ production

    private void productionOrder(Context ctx) {
        String id = ctx.pathParam("id");
        platform.orders().get(id);
        json(ctx, 200, platform.production().productionOrder(id));
    }

    private void plan(Context ctx) {
        int days = intParam(ctx, "days").orElse(21);
        json(ctx, 200, platform.production().plan(firm(ctx), Math.max(1, Math.min(3653, days))));
    }

    private void cuttingPlan(Context ctx) {
        String firmId = firm(ctx);
        ObjectNode body = ctx.body().isBlank() ? Json.object() : Json.readObject(ctx.body());
        json(ctx, 201, platform.cuttingPlans().plan(firmId, body));
    }

    private void latestCuttingPlan(Context ctx) {
        json(ctx, 200, platform.cuttingPlans().latest(firm(ctx)));
    }

    private void stock(Context ctx) {
        json(ctx, 200, platform.production().articleStock(firm(ctx)));
    }

    private void receive(Context ctx) {
        String firmId = firm(ctx);
        ObjectNode body = Json.readObject(ctx.body());
        StockFlow.Received r = platform.production().stockFlow().receive(firmId, ctx.header("Idempotency-Key"), body);
        json(ctx, r.created() ? 201 : 200, r.receipt());
    }

    private void movements(Context ctx) {
        String firmId = firm(ctx);
        String item = ctx.queryParam("item");
        json(
                ctx,
                200,
                platform.production()
                        .stockFlow()
                        .movements(
                                firmId,
                                intParam(ctx, "limit").orElse(50),
                                item == null || item.isBlank() ? Optional.empty() : Optional.of(item.strip())));
    }

    private void remnants(Context ctx) {
        json(ctx, 200, platform.cuttingPlans().remnants(firm(ctx)));
    }

    private void downtime(Context ctx) {
        String firmId = firm(ctx);
        ObjectNode body = Json.readObject(ctx.body());
        json(
                ctx,
                200,
                platform.production().downtime(firmId, ctx.pathParam("id"), time(body, "from"), time(body, "to")));
    }

    private void calendar(Context ctx) {
        json(ctx, 200, platform.production().calendar(firm(ctx), ctx.pathParam("id")));
    }

    private void changeCalendar(Context ctx) {
        String firmId = firm(ctx);
        ObjectNode body = Json.readObject(ctx.body());
        List<String> shifts = texts(body, "shifts", "[\"MON-FRI 07:00-15:00\"]");
        List<String> holidays = texts(body, "holidays", "[\"2026-12-24\", \"2026-12-31\"] or []");
        json(ctx, 200, platform.production().changeCalendar(firmId, ctx.pathParam("id"), shifts, holidays));
    }

    private void changeHolidays(Context ctx) {
        String firmId = firm(ctx);
        ObjectNode body = Json.readObject(ctx.body());
        List<String> add = body.has("add") ? texts(body, "add", "[\"2026-12-28\", \"2026-12-29\"]") : List.of();
        List<String> remove = body.has("remove") ? texts(body, "remove", "[\"2026-12-28\"]") : List.of();
        if (add.isEmpty() && remove.isEmpty()) {
            throw ApiError.badRequest(
                            "missing_field",
                            "name the dates to \"add\" to the holidays of every work centre, or to \"remove\"",
                            "Maybe {\"add\": [\"2026-12-28\", \"2026-12-29\"]}.")
                    .field("add");
        }
        json(ctx, 200, platform.production().changeHolidays(firmId, add, remove));
    }

    /** The strings of array {@code field} of {@code body}; 400 when it is missing or holds anything else. */
    private static List<String> texts(JsonNode body, String field, String example) {
        JsonNode n = body.get(field);
        if (n == null || !n.isArray()) {
            throw ApiError.badRequest(
                            "missing_field",
                            "\"" + field + "\" must be an array of strings, not " + (n == null ? "missing" : n),
                            "Maybe \"" + field + "\": " + example + ".")
                    .field(field);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw ApiError.badRequest(
                                "missing_field",
                                "\"" + field + "\"[" + i + "] must be a string, not " + n.get(i),
                                "Maybe \"" + field + "\": " + example + ".")
                        .field(field + "[" + i + "]");
            }
            out.add(n.get(i).asText());
        }
        return out;
    }

    private static LocalDateTime time(JsonNode body, String field) {
        JsonNode n = body.get(field);
        try {
            if (n != null && n.isTextual()) {
                return LocalDateTime.parse(n.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiError.badRequest(
                        "invalid_time",
                        "\"" + field + "\" is " + n + ", not a local date-time",
                        "Maybe \"" + field + "\": \"2026-12-14T07:00\" (the firm's local time).")
                .field(field);
    }

    private void workList(Context ctx) {
        String firmId = firm(ctx);
        byte[] pdf = platform.production().workList(firmId, ctx.pathParam("id"));
        ctx.contentType("application/pdf").result(pdf);
    }

    private void plannerPage(Context ctx) {
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream("web/planner.html")) {
            if (in == null) {
                throw ApiError.notFound("page", "planner.html");
            }
            ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void firmOrders(Context ctx) {
        String firmId = firm(ctx);
        json(ctx, 200, platform.orders().ofFirm(firmId));
    }

    // ------------------------------------------------------------------ the browser configurator

    /** {@code /c/{token}} opens the browser configurator, which reads the token itself. */
    private void sharedPage(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(indexHtml());
    }

    static byte[] indexHtml() {
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream("web/index.html")) {
            if (in == null) {
                throw ApiError.notFound("page", "index.html");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.bytes(body));
    }

    /** The compact state, or the full one with {@code ?view=full}, in the language of {@code ?lang=}. */
    private static Configurations.View view(Context ctx) {
        return new Configurations.View(lang(ctx), full(ctx));
    }

    private static boolean full(Context ctx) {
        String view = ctx.queryParam("view");
        if (view == null || view.isBlank() || view.equals("compact")) {
            return false;
        }
        if (view.equals("full")) {
            return true;
        }
        throw ApiError.badRequest(
                        "invalid_parameter",
                        "?view=" + view + " is neither compact nor full",
                        "Maybe ?view=full for the state with every label.")
                .field("view");
    }

    private static Optional<String> lang(Context ctx) {
        String lang = ctx.queryParam("lang");
        return lang == null || lang.isBlank() ? Optional.empty() : Optional.of(lang);
    }

    private static Optional<Integer> intParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(
                            "invalid_parameter",
                            "?" + name + "=" + text + " is not a whole number",
                            "Maybe ?" + name + "=1.")
                    .field(name);
        }
    }

    private static int revision(JsonNode body) {
        JsonNode r = body.get("revision");
        if (r == null || !r.canConvertToInt() || !r.isIntegralNumber()) {
            throw missingRevision();
        }
        return r.asInt();
    }

    private static ApiError missingRevision() {
        return ApiError.badRequest(
                        "missing_revision",
                        "every change names the revision it was made against",
                        "Maybe add \"revision\": <state.revision> (for DELETE: ?revision=N).")
                .field("revision");
    }
}
