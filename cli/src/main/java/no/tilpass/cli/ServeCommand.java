package no.tilpass.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
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

    @Option(
            names = "--clock",
            paramLabel = "WALL_TIME",
            description = "Start the plant's clock (Europe/Oslo) at this time, e.g. 2026-12-07T08:00, and let it run"
                    + " on from there: to show or train the planning on a chosen day. Default: the real time.")
    String clock;

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
        if (clock != null) {
            Optional<LocalDateTime> start = PlantClockOption.parse(clock);
            if (start.isEmpty()) {
                PlantClockOption.refuse(clock, "tilpass serve: ", err);
                return 2;
            }
            config = config.withClock(ServerConfig.plantClockFrom(start.get()));
        }
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
        if (clock != null) {
            out.println("The plant's clock runs from " + clock.strip() + " (Europe/Oslo), not the real time.");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
