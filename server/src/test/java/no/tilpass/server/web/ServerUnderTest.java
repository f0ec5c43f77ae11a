package no.tilpass.server.web;

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
        throw new IllegalStateException("in-process server not wired yet");
    }

    String url(String path) {
        return baseUrl + path;
    }

    @Override
    public void close() {
        stop.run();
    }
}
