package no.tilpass.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import no.tilpass.server.catalogue.Catalogue;
import no.tilpass.server.catalogue.ClusterSeed;
import no.tilpass.server.configuration.Configurations;
import no.tilpass.server.db.Database;
import no.tilpass.server.order.Orders;
import no.tilpass.server.production.CuttingPlans;
import no.tilpass.server.production.Production;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform: opens (and migrates) the database, seeds the demo cluster on first start, and serves the
 * REST API under {@code /api} and the browser configurator under {@code /}. Usable in-process:
 * {@code TilpassServer.start(ServerConfig.embedded(dir, 0))} starts on a free port; {@link #stop()} ends it.
 */
public final class TilpassServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TilpassServer.class);

    private final Javalin app;
    private final Platform platform;
    private final List<Route> routes;
    private final String host;

    private TilpassServer(Javalin app, Platform platform, List<Route> routes, String host) {
        this.app = app;
        this.platform = platform;
        this.routes = routes;
        this.host = host;
    }

    /** Starts the platform; returns once it accepts requests. */
    public static TilpassServer start(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
        }
        Database database = Database.open(config.dataDir(), config.jdbcUrl(), config.dbUser(), config.dbPassword());
        Production opened = null; // closed with the database when the start fails after it
        try {
            Catalogue catalogue =
                    new Catalogue(database.jdbi(), config.dataDir().resolve("work"));
            ClusterSeed.Report seeded = ClusterSeed.seed(catalogue);
            if (!seeded.published().isEmpty()) {
                LOG.info("seeded the demo cluster: {}", seeded.published());
            }
            seeded.failed().forEach((file, problem) -> LOG.warn("could not seed {}: {}", file, problem));
            Configurations configurations = new Configurations(catalogue, database.jdbi(), config.clock());
            Production production =
                    new Production(database.jdbi(), catalogue, config.clock(), Production.planLimitFromProperties());
            opened = production;
            List<String> producing = production.seed();
            if (!producing.isEmpty()) {
                LOG.info("seeded production data: {}", producing);
            }
            configurations.estimateDeliveryWith((firm, model, values) -> {
                try {
                    return production.delivery(firm, model, values).orElse(null);
                } catch (RuntimeException e) {
                    LOG.warn("no delivery estimate for {} of {}", model.name(), firm, e);
                    return null;
                }
            });
            Orders orders = new Orders(database.jdbi(), configurations, config.clock());
            orders.checkProductionWith(production::releaseProblem);
            Platform platform = new Platform(
                    database,
                    catalogue,
                    configurations,
                    orders,
                    production,
                    new CuttingPlans(database.jdbi(), production, config.clock()));
            List<Route> routes = new Api(platform).routes();
            Javalin app = create(routes);
            app.start(config.host(), config.port());
            return new TilpassServer(app, platform, routes, config.host());
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            database.close();
            throw e;
        }
    }

    private static Javalin create(List<Route> routes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = Api.MAX_BODY;
            // A response that fits Jetty's output buffer (32 KB) goes out whole with a Content-Length, in
            // one write; past the default aggregation size (8 KB), about a configuration state's size with
            // its drawing, Jetty committed the first 8 KB and sent the rest chunked.
            config.jetty.modifyHttpConfiguration(http -> http.setOutputAggregationSize(http.getOutputBufferSize()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
        });
        app.before("/api/*", ctx -> {
            long length = ctx.contentLength();
            if (length > Api.MAX_BODY) {
                throw tooLarge(length);
            }
        });
        for (Route r : routes) {
            app.addHttpHandler(r.method(), r.path(), r.handler());
        }
        app.exception(ApiError.class, (e, ctx) -> Api.json(ctx, e.status(), e.body()));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            ApiError error =
                    switch (e.getStatus()) {
                        case 413 -> tooLarge(-1);
                        case 404 -> ApiError.of(
                                404,
                                "not_found",
                                "no route " + ctx.method() + " " + ctx.path(),
                                "Maybe check the path against docs/api.md.");
                        case 405 -> ApiError.of(
                                405,
                                "method_not_allowed",
                                ctx.method() + " is not allowed on " + ctx.path(),
                                "Maybe check the method against docs/api.md.");
                        default -> ApiError.of(e.getStatus(), "http_" + e.getStatus(), e.getMessage(), null);
                    };
            Api.json(ctx, error.status(), error.body());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            Api.json(
                    ctx,
                    500,
                    ApiError.of(
                                    500,
                                    "internal_error",
                                    "the server failed on this request",
                                    "Maybe try again; if it persists, report it with the time of the request.")
                            .body());
        });
        app.error(404, ctx -> {
            if (isEmpty(ctx)) {
                ApiError e = ApiError.of(
                        404,
                        "not_found",
                        "no route " + ctx.method() + " " + ctx.path(),
                        "Maybe check the path against docs/api.md.");
                Api.json(ctx, 404, e.body());
            }
        });
        app.error(405, ctx -> {
            if (isEmpty(ctx)) {
                Api.json(
                        ctx,
                        405,
                        ApiError.of(
                                        405,
                                        "method_not_allowed",
                                        ctx.method() + " is not allowed on " + ctx.path(),
                                        "Maybe check docs/api.md.")
                                .body());
            }
        });
        return app;
    }

    private static boolean isEmpty(Context ctx) {
        return ctx.result() == null || ctx.result().isEmpty();
    }

    private static ApiError tooLarge(long length) {
        return ApiError.of(
                413,
                "body_too_large",
                "the request body " + (length >= 0 ? "has " + length + " bytes, " : "is ") + "over the limit of "
                        + Api.MAX_BODY + " bytes (1 MiB)",
                "Maybe split the model into components, or send less.");
    }

    /** The port it listens on (the free port chosen when started with port 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://" + host + ":" + port();
    }

    /** Every API route (method and path), as registered. */
    public List<Route> routes() {
        return routes;
    }

    /** The services behind the API (for in-process tests and benchmarks). */
    public Platform platform() {
        return platform;
    }

    /** Stops serving and closes the database. */
    public void stop() {
        app.stop();
        platform.production().close();
        platform.database().close();
    }

    @Override
    public void close() {
        stop();
    }
}
