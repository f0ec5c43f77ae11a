package no.tilpass.server.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.tilpass.engine.space.Decision;
import no.tilpass.server.ServerConfig;
import no.tilpass.server.TilpassServer;
import no.tilpass.server.catalogue.CompiledModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit of session updates on the embedded database: all committed, each judged on its own. */
class SessionWritesIT {
    private static final int THREADS = 12;
    private static final int STEPS = 25;

    @TempDir
    Path data;

    @Test
    void concurrent_updates_of_many_sessions_are_all_committed_with_their_own_revision_check() throws Exception {
        try (TilpassServer server = TilpassServer.start(ServerConfig.embedded(data, 0))) {
            ConfigurationStore store =
                    new ConfigurationStore(server.platform().database().jdbi());
            CompiledModel window =
                    server.platform().catalogue().latest("casement_window").orElseThrow();
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Session s = session(window);
                store.insert(s);
                sessions.add(s);
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> refused = new ArrayList<>();
            for (Session first : sessions) {
                refused.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    Session s = first;
                    int stale = 0;
                    for (int step = 1; step <= STEPS; step++) {
                        Session next = s.change(
                                s.version(), List.of(new Decision("width", Integer.toString(400 + 10 * step))), now());
                        // A write against a revision that moved on is refused, whatever else is in its batch.
                        if (!store.update(next, s.revision() + 7)) {
                            stale++;
                        }
                        assertThat(store.update(next, s.revision())).isTrue();
                        s = next;
                    }
                    return stale;
                }));
            }
            start.countDown();
            for (Future<Integer> f : refused) {
                assertThat(f.get()).isEqualTo(STEPS);
            }
            pool.shutdown();

            for (Session s : sessions) {
                Session stored = store.find(s.id()).orElseThrow();
                assertThat(stored.revision()).isEqualTo(STEPS);
                assertThat(stored.decisions())
                        .containsExactly(new Decision("width", Integer.toString(400 + 10 * STEPS)));
                assertThat(stored.history()).hasSize(STEPS);
            }
            long[] counts = store.writeCounts();
            System.out.printf("SessionWritesIT: %d updates in %d transactions%n", counts[1], counts[0]);
            assertThat(counts[1]).isEqualTo(2L * THREADS * STEPS);
            assertThat(counts[0]).isBetween(1L, counts[1]);
        }
    }

    @Test
    void an_update_that_breaks_a_constraint_fails_alone_and_the_others_written_with_it_are_kept() throws Exception {
        try (TilpassServer server = TilpassServer.start(ServerConfig.embedded(data, 0))) {
            ConfigurationStore store =
                    new ConfigurationStore(server.platform().database().jdbi());
            CompiledModel window =
                    server.platform().catalogue().latest("casement_window").orElseThrow();
            for (int round = 0; round < 5; round++) {
                List<Session> sessions = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    Session s = session(window);
                    store.insert(s);
                    sessions.add(s);
                }
                // The first two take the same (unique) share token: one of them must fail, nobody else.
                String clash = "clash-" + round;
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    Session s = sessions.get(i);
                    String token = i < 2 ? clash : s.id();
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            return store.update(s.shared(token), 0);
                        } catch (RuntimeException e) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                List<Boolean> written = new ArrayList<>();
                for (Future<Boolean> f : outcomes) {
                    written.add(f.get());
                }
                pool.shutdown();

                assertThat(written.subList(0, 2)).containsExactlyInAnyOrder(true, false);
                assertThat(written.subList(2, THREADS)).containsOnly(true);
                for (int i = 0; i < THREADS; i++) {
                    Optional<String> stored =
                            store.find(sessions.get(i).id()).orElseThrow().shareToken();
                    assertThat(stored.isPresent()).isEqualTo(written.get(i));
                }
            }
        }
    }

    private static Session session(CompiledModel m) {
        Instant now = now();
        return new Session(
                Configurations.randomId(),
                m.version().firmId(),
                m.productId(),
                m.number(),
                "nb",
                0,
                List.of(),
                List.of(),
                Optional.empty(),
                now,
                now);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
