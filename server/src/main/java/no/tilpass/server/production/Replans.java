package no.tilpass.server.production;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-plans that follow order releases, run one at a time on a background thread (D28): a placed order
 * is released, inserted into the free time of the plan and promised in its request, and the full re-plan
 * that improves the plan for every order comes after, so the customer does not wait for the solver. A
 * firm asked for again while it waits is asked for once; asked for while its re-plan runs, it runs again
 * after it (that run started before the newest order was in).
 */
final class Replans implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replans.class);

    private final Consumer<String> replan;
    private final ExecutorService executor;
    /** Firms asked for and not yet started, in the order asked; guarded by {@code this}. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** The firm whose re-plan runs now, or null; guarded by {@code this}. */
    private String running;

    private boolean closed;

    Replans(Consumer<String> replan) {
        this.replan = replan;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tilpass-replan");
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a re-plan of {@code firmId}; returns at once. */
    synchronized void request(String firmId) {
        if (closed || !waiting.add(firmId)) {
            return;
        }
        try {
            executor.execute(() -> run(firmId));
        } catch (RejectedExecutionException e) {
            waiting.remove(firmId); // closed meanwhile
        }
    }

    private void run(String firmId) {
        synchronized (this) {
            waiting.remove(firmId);
            running = firmId;
        }
        try {
            replan.accept(firmId);
        } catch (RuntimeException e) {
            if (!isClosed()) {
                LOG.warn("the background re-plan of {} failed; its plan stays as it was", firmId, e);
            }
        } finally {
            synchronized (this) {
                running = null;
                notifyAll();
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Whether a re-plan of {@code firmId} waits or runs. */
    synchronized boolean pending(String firmId) {
        return firmId.equals(running) || waiting.contains(firmId);
    }

    /** Waits until no re-plan waits or runs, at most {@code limit}; whether none does. */
    synchronized boolean awaitQuiet(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        try {
            while (running != null || !waiting.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops taking requests and drops those waiting; a re-plan already running finishes or fails against the
     * closed database, silently (the plan it would have improved is valid as it is).
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            waiting.clear();
            notifyAll();
        }
        executor.shutdownNow();
    }
}
