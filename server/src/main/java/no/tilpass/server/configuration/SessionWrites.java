package no.tilpass.server.configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit of session updates. Every change of a session is one prepared UPDATE, optimistic on the
 * revision; the updates that concurrent requests queue while one transaction is being written go
 * together into the next transaction as one JDBC batch, so many steps share one commit. The request that
 * finds no write in progress writes the queue (no writer thread) and then hands the writing on to the
 * oldest request still queued, waking nobody else; every request returns only once its own row is
 * committed (or known not to match), so nothing acknowledged is lost. A batch that fails is rolled
 * back and its updates are written one transaction each, so one bad row fails only its own request.
 */
final class SessionWrites {
    static final String UPDATE = "update configurations set version = ?, revision = ?, decisions = ?, history = ?,"
            + " share_token = ?, updated_at = ? where configuration_id = ? and revision = ?";
    /** At most this many updates per transaction. */
    static final int BATCH_LIMIT = 128;

    private final Jdbi jdbi;
    private final StoredJson json;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>(); // guarded by lock
    private boolean writing; // guarded by lock
    private long transactions; // guarded by lock
    private long rows; // guarded by lock

    SessionWrites(Jdbi jdbi, StoredJson json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** One queued update and, once written, its outcome (guarded by the lock). */
    private static final class Pending {
        private final Session session;
        private final int expectedRevision;
        private final Condition wake;
        private boolean writer;
        private boolean done;
        private boolean updated;
        private RuntimeException failure;

        Pending(Session session, int expectedRevision, Condition wake) {
            this.session = session;
            this.expectedRevision = expectedRevision;
            this.wake = wake;
        }
    }

    /** What writing one update gave: whether its row matched, or the failure. */
    private record Outcome(boolean updated, RuntimeException failure) {}

    /**
     * Writes {@code s} if the stored revision is still {@code expectedRevision}, committed when this
     * returns; false when the revision moved on.
     */
    boolean update(Session s, int expectedRevision) {
        Pending mine = new Pending(s, expectedRevision, lock.newCondition());
        lock.lock();
        try {
            queue.add(mine);
            if (!writing) {
                writing = true;
                mine.writer = true;
            }
            while (true) {
                while (!mine.done && !mine.writer) {
                    mine.wake.awaitUninterruptibly(); // the row may be committed already: wait for the outcome
                }
                if (mine.done) {
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return mine.updated;
                }
                writeQueued(mine);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the queued updates (the lock held, released while writing), wakes each writer of the batch,
     * and hands the writing on to the oldest update still queued, so nobody else is woken.
     */
    private void writeQueued(Pending writer) {
        writer.writer = false;
        List<Pending> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < BATCH_LIMIT) {
            batch.add(queue.poll());
        }
        List<Outcome> outcomes = null;
        lock.unlock();
        try {
            outcomes = write(batch);
        } finally {
            lock.lock();
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                p.done = true;
                if (outcomes == null) {
                    p.failure = new IllegalStateException(
                            "the write of configuration " + p.session.id() + " failed with the batch it was in");
                } else {
                    p.updated = outcomes.get(i).updated();
                    p.failure = outcomes.get(i).failure();
                }
                p.wake.signal();
            }
            Pending next = queue.peek();
            if (next == null) {
                writing = false;
            } else {
                next.writer = true;
                next.wake.signal();
            }
        }
    }

    /** Transactions and rows written so far (for tests and diagnostics). */
    long[] counts() {
        lock.lock();
        try {
            return new long[] {transactions, rows};
        } finally {
            lock.unlock();
        }
    }

    private List<Outcome> write(List<Pending> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = jdbi.withHandle(h -> inOneTransaction(h.getConnection(), batch));
        } catch (SQLException e) {
            outcomes = one(batch);
        } catch (RuntimeException e) {
            outcomes = one(batch);
        }
        lock.lock();
        try {
            transactions++;
            rows += batch.size();
        } finally {
            lock.unlock();
        }
        return outcomes;
    }

    /** After the batch failed: each of its updates in a transaction of its own. */
    private List<Outcome> one(List<Pending> batch) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Pending p : batch) {
            try {
                outcomes.add(jdbi.withHandle(h -> inOneTransaction(h.getConnection(), List.of(p)))
                        .get(0));
            } catch (SQLException e) {
                outcomes.add(new Outcome(false, failed(p, e)));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(false, batch.size() == 1 ? e : failed(p, e)));
            }
        }
        return outcomes;
    }

    private static IllegalStateException failed(Pending p, Exception e) {
        return new IllegalStateException("cannot write configuration " + p.session.id() + ": " + e.getMessage(), e);
    }

    private List<Outcome> inOneTransaction(Connection c, List<Pending> batch) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (Pending p : batch) {
                Session s = p.session;
                update.setInt(1, s.version());
                update.setInt(2, s.revision());
                update.setString(3, json.decisions(s.decisions()));
                update.setString(4, json.history(s.history()));
                update.setString(5, s.shareToken().orElse(null));
                update.setObject(6, s.updatedAt().atOffset(ZoneOffset.UTC));
                update.setString(7, s.id());
                update.setInt(8, p.expectedRevision);
                if (batch.size() > 1) {
                    update.addBatch();
                }
            }
            int[] counts = batch.size() > 1 ? update.executeBatch() : new int[] {update.executeUpdate()};
            if (counts.length != batch.size()) {
                throw new SQLException(
                        "the batch of " + batch.size() + " updates answered " + counts.length + " counts");
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int count : counts) {
                if (count < 0) {
                    // The driver did not say which rows matched; one statement per transaction will.
                    throw new SQLException("the driver gave no update count in a batch");
                }
                outcomes.add(new Outcome(count == 1, null));
            }
            c.commit();
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
