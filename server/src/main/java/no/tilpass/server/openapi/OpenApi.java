package no.tilpass.server.openapi;

import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import no.tilpass.server.Route;

/** The OpenAPI document as bytes, and the route that serves it. */
public final class OpenApi {
    /** Where the document is served. */
    public static final String PATH = "/api/openapi.json";

    private static final byte[] DOCUMENT = load();

    private OpenApi() {}

    /** The document, as stored. */
    public static byte[] document() {
        return DOCUMENT.clone();
    }

    /** {@code GET /api/openapi.json}, for the server's route list. */
    public static List<Route> routes() {
        return List.of(new Route(HandlerType.GET, PATH, ctx -> ctx.contentType("application/json; charset=utf-8")
                .result(DOCUMENT)));
    }

    private static byte[] load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing next to " + OpenApi.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
