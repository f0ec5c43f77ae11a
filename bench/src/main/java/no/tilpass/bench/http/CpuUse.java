package no.tilpass.bench.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time of this process at one moment, in total and per kind of thread: {@code server} (the
 * in-process server's request threads), {@code customers} (the simulated customers and their HTTP client),
 * {@code other} (database writer, timers, ...). The process total less the threads is the JVM itself
 * (compiler, garbage collector). The difference of two snapshots tells where the steps between them went.
 */
record CpuUse(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadKinds) {
    static final String CUSTOMER_THREAD = "bench-customer-";
    static final String CLIENT_THREAD = "bench-http-";

    CpuUse {
        threadNanos = Map.copyOf(threadNanos);
        threadKinds = Map.copyOf(threadKinds);
    }

    static CpuUse now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> kinds = new HashMap<>();
        if (threads.isThreadCpuTimeSupported()) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    nanos.put(info.getThreadId(), cpu);
                    kinds.put(info.getThreadId(), kind(info.getThreadName()));
                }
            }
        }
        long process = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
        return new CpuUse(process, nanos, kinds);
    }

    static String kind(String threadName) {
        if (threadName.startsWith(CUSTOMER_THREAD)
                || threadName.startsWith(CLIENT_THREAD)
                || threadName.startsWith("HttpClient-")) {
            return "customers";
        }
        if (threadName.startsWith("JettyServerThreadPool") || threadName.startsWith("qtp")) {
            return "server";
        }
        return "other";
    }

    /** Milliseconds of CPU per step from {@code earlier} to this snapshot: process, then per kind, then JVM. */
    Map<String, Double> perStepSince(CpuUse earlier, long steps) {
        Map<String, Double> out = new LinkedHashMap<>();
        double per = steps == 0 ? 0 : 1e-6 / steps;
        out.put("process", (processNanos - earlier.processNanos) * per);
        Map<String, Long> byKind = new LinkedHashMap<>();
        byKind.put("server", 0L);
        byKind.put("customers", 0L);
        byKind.put("other", 0L);
        long threadsTotal = 0;
        for (Map.Entry<Long, Long> e : threadNanos.entrySet()) {
            long delta = e.getValue() - earlier.threadNanos.getOrDefault(e.getKey(), 0L);
            byKind.merge(threadKinds.get(e.getKey()), delta, Long::sum);
            threadsTotal += delta;
        }
        byKind.forEach((k, v) -> out.put(k, v * per));
        out.put("jvm", (processNanos - earlier.processNanos - threadsTotal) * per);
        return out;
    }

    static String describe(Map<String, Double> perStep) {
        StringBuilder sb = new StringBuilder();
        perStep.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.3f", v)));
        return sb.toString();
    }
}
