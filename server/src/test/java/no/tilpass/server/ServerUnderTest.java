package no.tilpass.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import no.tilpass.server.production.Production;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server of an integration test, as a JUnit 5 extension: {@link TilpassServer} in-process on port 0
 * with its database in a temporary data folder. Registered with {@code @RegisterExtension} on a static field,
 * {@link #perClass()} starts it before the class's {@code @BeforeAll} methods and stops it after its
 * {@code @AfterAll} methods; {@link #perTest()} gives every test a fresh one. Stopping deletes the data
 * folder and restores the system properties set with {@link #withProperty}, so that none leaks into the next
 * test class. {@link #client()} works before the server starts and across {@link #restart()}: it asks for
 * the base URL at every request.
 */
public final class ServerUnderTest
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final boolean perTest;
    private final Function<Path, ServerConfig> config;
    private final Map<String, String> properties;
    private final String runningAt;
    private final TestClient client = new TestClient(this::url, this::settle);
    private final Map<String, String> saved = new LinkedHashMap<>();
    private Path data;
    private TilpassServer server;
    private String baseUrl;

    private ServerUnderTest(
            boolean perTest, Function<Path, ServerConfig> config, Map<String, String> properties, String runningAt) {
        this.perTest = perTest;
        this.config = config;
        this.properties = properties;
        this.runningAt = runningAt;
    }

    /** One server for all tests of the class, on the embedded H2 database. */
    public static ServerUnderTest perClass() {
        return new ServerUnderTest(false, dir -> ServerConfig.embedded(dir, 0), Map.of(), "");
    }

    /** A fresh server (and data folder) for every test, on the embedded H2 database. */
    public static ServerUnderTest perTest() {
        return new ServerUnderTest(true, dir -> ServerConfig.embedded(dir, 0), Map.of(), "");
    }

    /** The same, with the server's configuration made from its data folder by {@code config}. */
    ServerUnderTest withConfig(Function<Path, ServerConfig> config) {
        return new ServerUnderTest(perTest, config, properties, runningAt);
    }

    /** The same, with system property {@code name} set to {@code value} while the server runs. */
    public ServerUnderTest withProperty(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new ServerUnderTest(perTest, config, more, runningAt);
    }

    /**
     * The same, but talking to the server already running at {@code baseUrl} when that is not blank (no
     * in-process server, no data folder); e.g. {@code System.getProperty("tilpass.ui.baseUrl", "")}.
     */
    public ServerUnderTest orRunningAt(String baseUrl) {
        return new ServerUnderTest(perTest, config, properties, baseUrl.replaceAll("/+$", ""));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        if (baseUrl == null) {
            throw new IllegalStateException("the server under test is not running");
        }
        return baseUrl;
    }

    /** The URL of {@code path} (starting with {@code /}) on the server. */
    public String url(String path) {
        return url() + path;
    }

    /** A JSON client of the server; usable before it starts and across restarts. */
    TestClient client() {
        return client;
    }

    /**
     * Waits until the in-process server has no background re-plan waiting or running (of any firm); against
     * a server running elsewhere, until the plan of {@code firmId} says it has none.
     */
    public void settle(String firmId) {
        if (server == null) {
            new TestClient(this::url).settle(firmId);
            return;
        }
        if (!server.platform().production().awaitQuietPlans(Duration.ofSeconds(60))) {
            throw new AssertionError("the server was still re-planning after 60 s");
        }
    }

    /**
     * The minute it is now on the plant's clock of the server under test (the real time unless {@code
     * -Dtilpass.clock} moved it).
     */
    public LocalDateTime plantNow() {
        if (server == null) {
            return LocalDateTime.parse(client.get("/api/firms/glamdal-vindu/plan?days=1")
                    .json()
                    .get("now")
                    .asText());
        }
        return server.platform().production().now();
    }

    /** The in-process server (its platform, database, routes). */
    public TilpassServer server() {
        if (server == null) {
            throw new IllegalStateException("no in-process server under test is running");
        }
        return server;
    }

    /**
     * The production planning of the in-process server as it would run with its clock standing at {@code
     * now} (Oslo time): for repairing a plan while an operation is half done.
     */
    Production productionAt(LocalDateTime now) {
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        return new Production(
                server().platform().database().jdbi(),
                server().platform().catalogue(),
                Clock.fixed(now.atZone(oslo).toInstant(), oslo),
                Duration.ofSeconds(1));
    }

    /** The server's data folder. */
    public Path data() {
        if (data == null) {
            throw new IllegalStateException("no in-process server under test is running");
        }
        return data;
    }

    /**
     * Starts a second server on the same data folder and database, as a second process would run beside
     * the first; the caller stops it.
     */
    TilpassServer startAnother() {
        return TilpassServer.start(configured(data()));
    }

    /** Stops the in-process server and starts it again on the same data folder and database. */
    public void restart() {
        TilpassServer stopped = server();
        server = null;
        baseUrl = null;
        stopped.stop();
        server = TilpassServer.start(configured(data));
        baseUrl = server.url();
    }

    /**
     * The configuration for {@code folder}; with {@code -Dtilpass.clock=2026-12-04T01:16} on the Maven command
     * line, every server under test runs the plant's clock from that time, to run the suite at the hours where
     * a day's work ends or a weekend begins.
     */
    private ServerConfig configured(Path folder) {
        ServerConfig made = config.apply(folder);
        String clock = System.getProperty("tilpass.clock", "");
        if (clock.isBlank() || !made.clock().equals(java.time.Clock.systemUTC())) {
            return made; // a test that sets its own plant clock keeps it
        }
        return made.withClock(ServerConfig.plantClockFrom(LocalDateTime.parse(clock.strip())));
    }

    private void start() {
        properties.forEach((name, value) -> {
            saved.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        if (!runningAt.isBlank()) {
            baseUrl = runningAt;
            return;
        }
        try {
            data = Files.createTempDirectory("tilpass-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = TilpassServer.start(configured(data));
        baseUrl = server.url();
    }

    private void stop() {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            server = null;
            baseUrl = null;
            if (data != null) {
                delete(data);
                data = null;
            }
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
            saved.clear();
        }
    }

    /** Deletes {@code dir} and everything in it; a temporary folder left behind is harmless. */
    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left behind
        }
    }
}
