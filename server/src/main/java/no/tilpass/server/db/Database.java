package no.tilpass.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a HikariCP pool, the Flyway migrations under {@code db/migration} (SQL that runs on H2
 * and PostgreSQL) and JDBI over both. Every table has a {@code firm_id} column.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String url;

    private Database(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl}, or the embedded H2 file database {@code
     * tilpass} in {@code dataDir} when no URL is given.
     */
    public static Database open(
            Path dataDir, Optional<String> jdbcUrl, Optional<String> user, Optional<String> password) {
        String url = jdbcUrl.orElseGet(() -> h2Url(dataDir));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        if (jdbcUrl.isEmpty() && user.isEmpty()) {
            config.setUsername("sa");
            config.setPassword("");
        }
        config.setMaximumPoolSize(16);
        config.setPoolName("tilpass");
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, url);
    }

    /**
     * The H2 file database in {@code dataDir}. {@code QUERY_CACHE_SIZE=0}: H2 otherwise reuses a session's
     * parsed query, and with it the query's last result, and after a wait for a row lock that result can
     * miss what the lock's holder committed (two servers released the same order twice; D22, D26).
     */
    static String h2Url(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("tilpass");
        return "jdbc:h2:file:" + file.toString().replace('\\', '/')
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=0";
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The JDBC URL without credentials. */
    public String url() {
        return url;
    }

    /** True when the database is PostgreSQL. */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        if (!isPostgres()) {
            try {
                jdbi.useHandle(h -> h.execute("checkpoint"));
            } catch (RuntimeException e) {
                // closing anyway; H2 recovers from its log
            }
        }
        dataSource.close();
    }
}
