package no.tilpass.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the platform.
 *
 * @param host the address to listen on ({@code 127.0.0.1})
 * @param port the port; 0 picks a free one
 * @param dataDir where the embedded H2 database lives (created when missing)
 * @param jdbcUrl a JDBC URL (PostgreSQL) to use instead of the embedded H2 database, or empty
 * @param dbUser the database user, or empty
 * @param dbPassword the database password, or empty
 * @param clock the plant's clock: the system's, or one that runs on from a chosen time ({@link
 *     #plantClockFrom})
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Optional<String> jdbcUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Clock clock) {

    /** The default port of {@code ./tilpass serve}. */
    public static final int DEFAULT_PORT = 7070;

    public ServerConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(jdbcUrl);
        Objects.requireNonNull(dbUser);
        Objects.requireNonNull(dbPassword);
        Objects.requireNonNull(clock);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
    }

    /** The embedded H2 database in {@code dataDir}, on {@code port} of 127.0.0.1. */
    public static ServerConfig embedded(Path dataDir, int port) {
        return new ServerConfig(
                "127.0.0.1", port, dataDir, Optional.empty(), Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    /** The same configuration on another port. */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, jdbcUrl, dbUser, dbPassword, clock);
    }

    /** The same configuration on the database at {@code url}. */
    public ServerConfig withDatabase(String url, String user, String password) {
        return new ServerConfig(
                host, port, dataDir, Optional.of(url), Optional.ofNullable(user), Optional.ofNullable(password), clock);
    }

    /** The same configuration with the plant's clock {@code plantClock}. */
    public ServerConfig withClock(Clock plantClock) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, plantClock);
    }

    /**
     * A clock that stands at {@code wallTime} on the plant's clock (Europe/Oslo) now and runs on from there at
     * the system's pace: to show or train the planning on a chosen day and hour, and to test it at the hours
     * where a day's work ends or a weekend begins.
     */
    public static Clock plantClockFrom(LocalDateTime wallTime) {
        Clock system = Clock.systemUTC();
        Instant start = wallTime.atZone(ZoneId.of("Europe/Oslo")).toInstant();
        return Clock.offset(system, Duration.between(system.instant(), start));
    }
}
