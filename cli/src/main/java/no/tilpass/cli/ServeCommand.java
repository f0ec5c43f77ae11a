package no.tilpass.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.tilpass.server.ServerConfig;
import no.tilpass.server.TilpassServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Starts the platform: the REST API and the browser configurator on http://127.0.0.1:7070.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--data", description = "Folder of the embedded database (default ${DEFAULT-VALUE}).")
    Path data = Path.of("data");

    @Option(names = "--db", description = "JDBC URL of a PostgreSQL database to use instead of the embedded one.")
    String db;

    @Option(names = "--db-user", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", description = "Database password.")
    String dbPassword;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("tilpass serve: --port " + port + " is not a port");
            err.println("Maybe --port 7070.");
            return 2;
        }
        ServerConfig config = ServerConfig.embedded(data, port);
        if (db != null) {
            config = config.withDatabase(db, dbUser, dbPassword);
        }
        TilpassServer server;
        try {
            server = TilpassServer.start(config);
        } catch (RuntimeException e) {
            err.println("tilpass serve: cannot start: " + e.getMessage());
            err.println("Maybe another program uses port " + port + " (try --port 0), or the database in "
                    + (db != null ? db : data) + " is open in another Tilpass.");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        out.println("Tilpass is running on " + server.url() + "/ (database: "
                + (db != null ? db : data.toAbsolutePath().normalize()) + "); Ctrl+C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }
}
