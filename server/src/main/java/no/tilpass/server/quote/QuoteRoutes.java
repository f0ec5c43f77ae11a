package no.tilpass.server.quote;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilpass.engine.model.ProductModel;
import no.tilpass.server.ApiError;
import no.tilpass.server.Platform;
import no.tilpass.server.Route;
import no.tilpass.server.catalogue.CompiledModel;
import no.tilpass.server.catalogue.Firm;
import no.tilpass.server.configuration.Configurations;
import no.tilpass.server.drawing.Drawing;
import no.tilpass.server.drawing.Drawings;

/**
 * {@code GET /api/configurations/{id}/quote.pdf?lang=} and {@code GET /api/configurations/{id}/drawing.svg}:
 * the quote and the drawing of a session, from the same state the API answers with (the values that
 * price and drawing use) and the product model it was configured on.
 */
public final class QuoteRoutes {

    private final Platform platform;

    private QuoteRoutes(Platform platform) {
        this.platform = platform;
    }

    /** The routes, for the server's route list. */
    public static List<Route> routes(Platform platform) {
        QuoteRoutes routes = new QuoteRoutes(platform);
        return List.of(
                new Route(HandlerType.GET, "/api/configurations/{id}/quote.pdf", routes::quote),
                new Route(HandlerType.GET, "/api/configurations/{id}/drawing.svg", routes::svg));
    }

    private void quote(Context ctx) {
        Optional<String> requested = language(ctx);
        String id = ctx.pathParam("id");
        Map<String, Object> state = platform.configurations().get(id, Configurations.View.full(requested));
        String language = requested.orElse(String.valueOf(state.get("language")));
        CompiledModel compiled = model(state);
        ProductModel model = compiled.model();
        Map<String, String> values = values(state);
        LocalDate issued = platform.production().now().toLocalDate();
        int revision = ((Number) state.get("revision")).intValue();
        QuoteDocument document = new QuoteDocument(
                language,
                firmName(state, model),
                number(id, revision, issued),
                issued,
                issued.plusDays(QuoteDocument.DEFAULT_VALID_DAYS),
                Specification.label(model.labels(), language, model.name()),
                id + " r" + revision,
                Specification.lines(model, values, language),
                priceLines(state),
                total(state),
                estimate(state),
                Drawings.draw(model.name(), values));
        byte[] pdf = QuotePdf.render(document);
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + document.number() + ".pdf\"")
                .result(pdf);
    }

    private void svg(Context ctx) {
        Map<String, Object> state =
                platform.configurations().get(ctx.pathParam("id"), Configurations.View.full(Optional.empty()));
        Drawing drawing = Drawings.draw(model(state).model().name(), values(state));
        ctx.contentType("image/svg+xml; charset=utf-8").result(drawing.toSvg());
    }

    private static Optional<String> language(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang == null || lang.isBlank()) {
            return Optional.empty();
        }
        if (!QuoteTexts.LANGUAGES.contains(lang)) {
            throw ApiError.unprocessable(
                            "unknown_language",
                            "?lang=" + lang + " is not a language quotes are written in",
                            "Maybe ?lang=nb, ?lang=sv or ?lang=en.")
                    .field("lang");
        }
        return Optional.of(lang);
    }

    private CompiledModel model(Map<String, Object> state) {
        String productId = String.valueOf(state.get("productId"));
        int version = ((Number) state.get("version")).intValue();
        return platform.catalogue()
                .model(productId, version)
                .orElseThrow(() -> ApiError.notFound("product version", productId + "/" + version));
    }

    private String firmName(Map<String, Object> state, ProductModel model) {
        Object firmId = state.get("firmId");
        Optional<String> name = firmId == null
                ? Optional.empty()
                : platform.catalogue().firm(firmId.toString()).map(Firm::name);
        return name.orElse(model.firm().isEmpty() ? model.name() : model.firm());
    }

    /** Option name to the value price and drawing use, as written ({@code "1200"}, {@code "true"}). */
    static Map<String, String> values(Map<String, Object> state) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> option : list(state.get("options"))) {
            Object value = option.get("value");
            if (value != null) {
                values.put(String.valueOf(option.get("name")), String.valueOf(value));
            }
        }
        return values;
    }

    private static List<QuoteDocument.PriceLine> priceLines(Map<String, Object> state) {
        List<QuoteDocument.PriceLine> lines = new ArrayList<>();
        if (state.get("price") instanceof Map<?, ?> price) {
            for (Map<String, Object> line : list(price.get("lines"))) {
                lines.add(new QuoteDocument.PriceLine(
                        String.valueOf(line.get("label")), ((Number) line.get("amount")).longValue()));
            }
        }
        return lines;
    }

    private static long total(Map<String, Object> state) {
        return state.get("price") instanceof Map<?, ?> price && price.get("total") instanceof Number total
                ? total.longValue()
                : 0;
    }

    private static boolean estimate(Map<String, Object> state) {
        return !(state.get("price") instanceof Map<?, ?> price) || Boolean.TRUE.equals(price.get("estimate"));
    }

    /** {@code T-20261130-ABC123-4}: date, the session id's start and the revision quoted. */
    static String number(String id, int revision, LocalDate issued) {
        String shortId = id.replaceAll("[^A-Za-z0-9]", "");
        shortId = shortId.substring(0, Math.min(6, shortId.length())).toUpperCase(Locale.ROOT);
        return String.format(
                Locale.ROOT,
                "T-%04d%02d%02d-%s-%d",
                issued.getYear(),
                issued.getMonthValue(),
                issued.getDayOfMonth(),
                shortId,
                revision);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
