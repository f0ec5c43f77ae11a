package no.tilpass.server;

import java.nio.file.Path;

/** The persistence contract on the embedded H2 file database (the default). */
class H2PersistenceIT extends PersistenceContract {
    @Override
    ServerConfig config(Path dir) {
        return ServerConfig.embedded(dir, 0);
    }
}
