package no.tilpass.server.configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import no.tilpass.engine.completion.Completer;
import no.tilpass.engine.completion.Completion;
import no.tilpass.engine.configurator.Configurator;
import no.tilpass.engine.configurator.DomainResult;
import no.tilpass.engine.explanation.Explainer;
import no.tilpass.engine.space.Decision;
import no.tilpass.server.catalogue.CompiledModel;

/**
 * The engine for one compiled model version, shared by all its sessions. {@link Configurator},
 * {@link Completer} and {@link Explainer} are not thread-safe, so each request borrows an instance from a
 * small pool and returns it; configurators keep their witness models between requests, which helps every
 * session of the model. Analyses of decision sets are memoised (domains and completions do not depend on
 * the order of decisions), so repeated states (a new session, undo, reloads) cost nothing.
 */
final class EnginePool {
    private static final int POOL_LIMIT = 8;
    private static final int MEMO_LIMIT = 4096;
    /**
     * Engine work is CPU-bound: at most this many requests solve at once (the others queue), so that
     * many concurrent sessions do not thrash the cores or build an engine instance each.
     */
    private static final Semaphore SOLVING =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    private final CompiledModel model;
    private final ConcurrentLinkedQueue<Configurator> configurators = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Completer> completers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Explainer> explainers = new ConcurrentLinkedQueue<>();
    private final Map<String, Analysis> memo = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Analysis> eldest) {
            return size() > MEMO_LIMIT;
        }
    };

    private final Map<String, CompletableFuture<Optional<Analysis>>> inFlight = new ConcurrentHashMap<>();

    EnginePool(CompiledModel model) {
        this.model = model;
    }

    CompiledModel model() {
        return model;
    }

    /**
     * The analysis of {@code decisions} (resolved already), or empty when they conflict. Concurrent
     * requests for the same decision set wait for one computation.
     */
    Optional<Analysis> analyse(List<Decision> decisions) {
        String key = key(decisions);
        Analysis memoised = memoised(key);
        if (memoised != null) {
            return Optional.of(memoised);
        }
        CompletableFuture<Optional<Analysis>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Analysis>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Analysis known = memoised(key);
            Optional<Analysis> result = known != null ? Optional.of(known) : compute(decisions);
            if (known == null && result.isPresent()) {
                synchronized (memo) {
                    memo.put(key, result.get());
                }
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The memoised analysis of a key, or null. */
    private Analysis memoised(String key) {
        synchronized (memo) {
            return memo.get(key);
        }
    }

    private Optional<Analysis> compute(List<Decision> decisions) {
        DomainResult result = withConfigurator(c -> c.domains(decisions));
        if (!(result instanceof DomainResult.Consistent consistent)) {
            return Optional.empty();
        }
        Completion completion = withCompleter(c -> c.complete(decisions));
        if (!(completion instanceof Completion.Complete complete)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Decision d : complete.configuration()) {
            values.put(d.option(), d.value());
        }
        return Optional.of(new Analysis(consistent, values));
    }

    <T> T withConfigurator(Function<Configurator, T> work) {
        return with(configurators, () -> new Configurator(model.model().space()), work);
    }

    <T> T withCompleter(Function<Completer, T> work) {
        return with(completers, () -> new Completer(model.model().space()), work);
    }

    <T> T withExplainer(Function<Explainer, T> work) {
        return with(explainers, () -> new Explainer(model.model().space()), work);
    }

    private static <E, T> T with(ConcurrentLinkedQueue<E> pool, Supplier<E> create, Function<E, T> work) {
        SOLVING.acquireUninterruptibly();
        try {
            return withPermit(pool, create, work);
        } finally {
            SOLVING.release();
        }
    }

    private static <E, T> T withPermit(ConcurrentLinkedQueue<E> pool, Supplier<E> create, Function<E, T> work) {
        E engine = pool.poll();
        if (engine == null) {
            engine = create.get();
        }
        boolean healthy = false;
        try {
            T result = work.apply(engine);
            healthy = true;
            return result;
        } finally {
            if (healthy && pool.size() < POOL_LIMIT) {
                pool.offer(engine);
            }
        }
    }

    private static String key(List<Decision> decisions) {
        TreeSet<String> sorted = new TreeSet<>();
        for (Decision d : decisions) {
            sorted.add(d.option() + "\u0000" + d.value());
        }
        return String.join("\u0001", sorted);
    }
}
