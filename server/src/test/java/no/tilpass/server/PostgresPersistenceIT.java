package no.tilpass.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The persistence contract on PostgreSQL (an embedded server started for this class). */
class PostgresPersistenceIT extends PersistenceContract {
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    ServerConfig config(Path dir) {
        return ServerConfig.embedded(dir, 0).withDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }
}
