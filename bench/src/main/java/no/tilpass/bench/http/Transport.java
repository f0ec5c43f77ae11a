package no.tilpass.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The customers' HTTP/1.1: one blocking exchange on the calling thread over {@link HttpURLConnection},
 * whose connections are kept alive and reused (up to {@code http.maxConnections} idle per server, set by
 * {@link HttpBenchmark} to the number of customers). Chosen over {@code java.net.http.HttpClient} for the
 * customers because an exchange then costs no hand-over between threads (the asynchronous client passes
 * every request and answer through its selector thread and executor), and the customers share the
 * machine with the server they measure.
 */
final class Transport {
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int READ_TIMEOUT_MILLIS = 30_000;

    /** A status and the body as received. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI base;

    Transport(URI base) {
        this.base = base;
    }

    /** {@code method} on {@code pathAndQuery} with a JSON body, or none when {@code json} is null. */
    Answer send(String method, String pathAndQuery, String json) throws IOException {
        HttpURLConnection c =
                (HttpURLConnection) base.resolve(pathAndQuery).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        c.setReadTimeout(READ_TIMEOUT_MILLIS);
        c.setUseCaches(false);
        if (json != null) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        // Reading the body to its end and closing the stream hands the connection back for reuse.
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
        }
    }
}
