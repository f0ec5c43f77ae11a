package no.tilpass.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.tilpass.server.ServerConfig;
import no.tilpass.server.TilpassServer;

/**
 * {@code bench http}: {@code sessions} simulated customers ({@link Customer}) on a fixed thread pool
 * configure one product over loopback HTTP for {@code seconds} after a warm-up. When no server answers
 * at {@code url}, one is started in-process on a free port with a temporary data folder (and said so on
 * the error stream), and stopped afterwards.
 */
public final class HttpBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String MAX_CONNECTIONS = "http.maxConnections";

    private HttpBenchmark() {}

    /**
     * @param model the product: its id, or a word in it ({@code window} finds {@code casement_window})
     * @param sessions concurrent customers
     * @param seconds measured seconds
     * @param warmupSeconds seconds run first and not measured
     * @param url the server to use if one answers there
     * @param seed the seed of customer {@code i} is {@code seed + i}
     */
    public record Settings(String model, int sessions, double seconds, double warmupSeconds, URI url, long seed) {}

    /** The outcome: a report, or why there is none. */
    public sealed interface Outcome {
        record Measured(HttpReport report, List<String> firstErrors) implements Outcome {
            public Measured {
                firstErrors = List.copyOf(firstErrors);
            }
        }

        record Failed(String message, String maybe) implements Outcome {}
    }

    public static Outcome run(Settings settings, PrintWriter err) {
        if (System.getProperty(MAX_CONNECTIONS) == null) {
            // Every customer keeps its connection alive between steps (the JDK keeps 5 by default).
            System.setProperty(MAX_CONNECTIONS, Integer.toString(Math.max(5, settings.sessions() + 4)));
        }
        if (settings.sessions() < 1 || settings.seconds() <= 0 || settings.warmupSeconds() < 0) {
            return new Outcome.Failed(
                    "--sessions " + settings.sessions() + " --seconds " + settings.seconds() + " --warmup "
                            + settings.warmupSeconds() + " cannot run",
                    "Maybe --sessions 50 --seconds 30 --warmup 3.");
        }
        HttpClient probe = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        if (answers(probe, settings.url())) {
            return measure(settings, settings.url(), false, err);
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("tilpass-bench-http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (System.getProperty(LOG_LEVEL) == null) {
            // The in-process server shares stderr with the report; keep its start-up chatter out.
            System.setProperty(LOG_LEVEL, "warn");
        }
        try (TilpassServer server = TilpassServer.start(ServerConfig.embedded(dataDir, 0))) {
            err.println("bench http: no server answers at " + settings.url() + "; started one in-process at "
                    + server.url() + " with the temporary data folder " + dataDir);
            err.flush();
            return measure(settings, URI.create(server.url()), true, err);
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static boolean answers(HttpClient client, URI url) {
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(url.resolve("/api/products"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Outcome measure(Settings settings, URI base, boolean inProcess, PrintWriter err) {
        ExecutorService clientPool = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), named(CpuUse.CLIENT_THREAD));
        ExecutorService customers = Executors.newFixedThreadPool(settings.sessions(), named(CpuUse.CUSTOMER_THREAD));
        try {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(clientPool)
                    .build();
            Optional<String> product = product(client, base, settings.model());
            if (product.isEmpty()) {
                return new Outcome.Failed(
                        "no product at " + base + " matches --model " + settings.model() + " (products: "
                                + String.join(", ", productIds(client, base)) + ")",
                        "Maybe --model casement_window, or a word of one of the product ids above.");
            }
            warm(client, base, product.get());
            Transport http = new Transport(base);
            long start = System.nanoTime();
            Window window = new Window();
            List<Future<Tally>> running = new ArrayList<>();
            for (int i = 0; i < settings.sessions(); i++) {
                running.add(customers.submit(new Customer(http, product.get(), settings.seed() + i, window)));
            }
            sleepUntil(start + (long) (settings.warmupSeconds() * 1e9));
            String settled = settings.warmupSeconds() == 0
                    ? "none asked for"
                    : inProcess ? settle(start) : "a server in another process: fixed warm-up";
            long measureFrom = System.nanoTime();
            long end = measureFrom + (long) (settings.seconds() * 1e9);
            window.open(measureFrom, end);
            err.printf(
                    java.util.Locale.ROOT, "bench http: warm-up %.0f s (%s)%n", (measureFrom - start) / 1e9, settled);
            CpuUse cpuFrom = CpuUse.now();
            CpuUse cpuTo = cpuAt(end);
            List<Tally> tallies = new ArrayList<>();
            for (Future<Tally> future : running) {
                tallies.add(future.get());
            }
            long[] latencies = tallies.stream()
                    .map(Tally::latencies)
                    .flatMapToLong(Arrays::stream)
                    .sorted()
                    .toArray();
            long errors = tallies.stream().mapToLong(Tally::errors).sum();
            List<String> firstErrors = tallies.stream()
                    .flatMap(t -> t.firstErrors().stream())
                    .limit(5)
                    .toList();
            firstErrors.forEach(e -> err.println("bench http: error: " + e));
            Map<String, Double> cpu = cpuTo.perStepSince(cpuFrom, latencies.length);
            err.println("bench http: CPU ms per step: " + CpuUse.describe(cpu));
            HttpReport report = new HttpReport(
                    settings.sessions(),
                    settings.seconds(),
                    latencies.length,
                    latencies.length / settings.seconds(),
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.95),
                    percentile(latencies, 0.99),
                    errors,
                    tallies.stream().mapToLong(Tally::answeredCount).sum(),
                    tallies.stream().mapToLong(Tally::createdCount).sum(),
                    tallies.stream().mapToLong(Tally::completedCount).sum(),
                    product.get(),
                    inProcess,
                    cpu.get("process"),
                    latencies.length == 0
                            ? 0
                            : tallies.stream().mapToLong(Tally::bytes).sum() / latencies.length);
            return new Outcome.Measured(report, firstErrors);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated customer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted", "Maybe run it again.");
        } finally {
            customers.shutdownNow();
            clientPool.shutdownNow();
        }
    }

    /**
     * One session created before the customers start, so that the server builds the product's engine
     * once rather than once per concurrent first request; not counted.
     */
    private static void warm(HttpClient client, URI base, String productId) throws InterruptedException {
        try {
            client.send(
                    HttpRequest.newBuilder(base.resolve("/api/configurations"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                                    .put("productId", productId)
                                    .toString()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // The customers will meet and count the same failure.
        }
    }

    /** The CPU use of this process once {@code System.nanoTime()} reaches {@code when}. */
    /** The longest warm-up, from the customers' start, while the JIT is still compiling. */
    static final long MAX_WARMUP_NANOS = 120_000_000_000L;

    /** A 5-second interval with less JIT compilation than this (ms) counts as settled. */
    static final long SETTLED_COMPILE_MILLIS = 250;

    /**
     * Extends the warm-up of an in-process server until the JIT has settled: the compilers' total time
     * grows by less than {@link #SETTLED_COMPILE_MILLIS} in 5 s, or {@link #MAX_WARMUP_NANOS} from
     * {@code start}. On 2 cores the C2 compiler was still busy (half a core) 45 s after a cold start, so a
     * fixed 20 s warm-up measured the server while it compiled.
     */
    private static String settle(long start) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return "no JIT figures: fixed warm-up";
        }
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() - start < MAX_WARMUP_NANOS) {
            Thread.sleep(5_000);
            long now = jit.getTotalCompilationTime();
            if (now - last < SETTLED_COMPILE_MILLIS) {
                return "JIT settled: " + (now - last) + " ms of compilation in the last 5 s";
            }
            last = now;
        }
        return "JIT still compiling after " + MAX_WARMUP_NANOS / 1_000_000_000L + " s";
    }

    private static CpuUse cpuAt(long when) throws InterruptedException {
        sleepUntil(when);
        return CpuUse.now();
    }

    private static void sleepUntil(long when) throws InterruptedException {
        long wait = when - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread t = new Thread(work, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Nearest-rank percentile in milliseconds; 0 without samples. */
    public static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    /** The product whose id is {@code model}, else the first whose id contains it. */
    static Optional<String> product(HttpClient client, URI base, String model) {
        List<String> ids = productIds(client, base);
        if (ids.contains(model)) {
            return Optional.of(model);
        }
        return ids.stream().filter(id -> id.contains(model)).findFirst();
    }

    private static List<String> productIds(HttpClient client, URI base) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(base.resolve("/api/products")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> ids = new ArrayList<>();
            for (JsonNode product : JSON.readTree(response.body())) {
                ids.add(product.path("id").asText());
            }
            return ids;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** {@code text} on one line (runs of white space as one space), cut after 200 characters. */
    public static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    /** Deletes {@code dir} and everything in it, as far as it can. */
    public static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
