package no.tilpass.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import no.tilpass.server.ServerConfig;
import no.tilpass.server.TilpassServer;

/**
 * The server the browser talks to: the real application in-process on port 0 with a temporary data
 * directory, or an already running one named by {@code -Dtilpass.ui.baseUrl=http://127.0.0.1:7070}.
 */
final class ServerUnderTest implements AutoCloseable {

    private final String baseUrl;
    private final Runnable stop;

    private ServerUnderTest(String baseUrl, Runnable stop) {
        this.baseUrl = baseUrl;
        this.stop = stop;
    }

    static ServerUnderTest start() {
        String given = System.getProperty("tilpass.ui.baseUrl", "");
        if (!given.isBlank()) {
            return new ServerUnderTest(given.replaceAll("/+$", ""), () -> {});
        }
        try {
            Path data = Files.createTempDirectory("tilpass-ui-it-");
            TilpassServer server = TilpassServer.start(ServerConfig.embedded(data, 0));
            return new ServerUnderTest(server.url(), () -> {
                server.stop();
                delete(data);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    String url(String path) {
        return baseUrl + path;
    }

    @Override
    public void close() {
        stop.run();
    }
}
