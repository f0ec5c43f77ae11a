package no.tilpass.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The embedded database, as the platform opens it, answers a query that follows a wait for a row lock with
 * what the lock's holder committed: the pattern of {@code Production.releasePending} (read the unreleased
 * orders, take the firm's row lock, read them again, release them) run by eight threads at once, each
 * after placing an order of its own under the same lock. With H2's default query cache the second read
 * sometimes answered the result of the first, and an order was released twice (a primary-key violation,
 * seen as a 500 in the two-server contract test).
 */
class LockedReadIT {
    private static final String PENDING = "select o.id from probe_orders o left join probe_released r on r.id = o.id"
            + " where o.firm = 'f' and r.id is null order by o.id";

    @Test
    void a_query_after_a_wait_for_a_row_lock_sees_what_the_lock_holder_committed() throws Exception {
        Path dir = Files.createTempDirectory("tilpass-locked-read");
        Database db = Database.open(dir, Optional.empty(), Optional.empty(), Optional.empty());
        try {
            Jdbi jdbi = db.jdbi();
            jdbi.useHandle(h -> {
                h.execute("create table probe_firms (id varchar(10) primary key, revision int, next int)");
                h.execute("create table probe_orders (id varchar(20) primary key, firm varchar(10))");
                h.execute("create table probe_released (id varchar(20) primary key)");
                h.execute("insert into probe_firms values ('f', 0, 0)");
            });
            List<String> failures = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 150 && failures.isEmpty(); round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<String>> answers = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        String order = "r" + round + "-" + t;
                        answers.add(pool.submit(() -> {
                            go.await();
                            try {
                                jdbi.useTransaction(h -> {
                                    h.createQuery("select next from probe_firms where id = 'f' for update")
                                            .mapTo(Integer.class)
                                            .one();
                                    pending(h);
                                    pause(); // the check's time under the lock
                                    h.execute("update probe_firms set next = next + 1 where id = 'f'");
                                    h.execute("insert into probe_orders values (?, 'f')", order);
                                });
                                jdbi.useHandle(LockedReadIT::pending);
                                jdbi.useTransaction(h -> {
                                    h.execute("update probe_firms set revision = revision + 1 where id = 'f'");
                                    for (String id : pending(h)) {
                                        h.execute("insert into probe_released values (?)", id);
                                    }
                                    pause(); // the re-plan's time under the lock
                                });
                                return null;
                            } catch (RuntimeException e) {
                                return String.valueOf(e.getMessage());
                            }
                        }));
                    }
                    go.countDown();
                    for (Future<String> answer : answers) {
                        String failure = answer.get();
                        if (failure != null) {
                            failures.add("round " + round + ": " + failure);
                        }
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(failures).isEmpty();
            assertThat(jdbi.withHandle(LockedReadIT::pending)).isEmpty();
        } finally {
            db.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> pending(Handle h) {
        return h.createQuery(PENDING).mapTo(String.class).list();
    }
}
