package no.tilpass.server.configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilpass.engine.space.Decision;
import no.tilpass.server.Json;

/**
 * The JSON text a session is stored as: its decisions ({@code [["option","value"], ...]}) and its undo
 * history ({@code [{"v":version,"d":decisions}, ...]}), exactly as {@link ConfigurationStore#decisionsJson}
 * and {@link ConfigurationStore#historyJson} written by Jackson. Every write of a session stores its whole
 * history (up to {@link Session#HISTORY_LIMIT} decision lists), and each step's decision list is the same
 * immutable list object the session held before, so the text of a decision list is remembered by the
 * list's identity, and a history's text by its last step (see {@link #history}), instead of being
 * written again at every step.
 */
final class StoredJson {
    /**
     * Decision list texts remembered: a write needs the text of the session's previous decisions (written
     * by the write before); a miss only costs writing the list again.
     */
    static final int DECISIONS_LIMIT = 4_096;

    /**
     * History texts remembered: one per recently written session is enough (the next change of a session
     * extends the text of its last write). Small, since a history text is up to 100 decision lists and the
     * texts of one session's earlier histories are of no use after its next change.
     */
    static final int HISTORIES_LIMIT = 1_024;

    /** Decision list texts (guards {@link #histories} too). Oldest first out; a miss only costs a write. */
    private final Map<Identity, String> written = bounded(DECISIONS_LIMIT);

    /** History texts by their last step (see {@link #history}). */
    private final Map<Identity, Joined> histories = bounded(HISTORIES_LIMIT);

    private static <V> Map<Identity, V> bounded(int limit) {
        return new LinkedHashMap<>(1024) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity, V> eldest) {
                return size() > limit;
            }
        };
    }

    /** An object as a map key by identity (lists and records compare their contents). */
    private static final class Identity {
        private final Object object;

        Identity(Object object) {
            this.object = object;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity o && o.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    /** The stored text of a decision list. */
    String decisions(List<Decision> decisions) {
        synchronized (written) {
            return remembered(decisions);
        }
    }

    /**
     * The stored text of an undo history. A session's history only grows at its end (a change), loses its
     * end (undo) or its oldest step (past {@link Session#HISTORY_LIMIT}), and every step is a new object;
     * so the history that ends with a given step object and has a given length is always the same
     * sequence, and its text is remembered under that step: a change then writes its history as the
     * remembered text of the one before plus one step.
     */
    String history(List<Session.Step> history) {
        int n = history.size();
        if (n == 0) {
            return "[]";
        }
        synchronized (written) {
            Session.Step last = history.get(n - 1);
            Joined known = histories.get(new Identity(last));
            if (known != null && known.length() == n) {
                return known.text();
            }
            Joined before = n < 2 ? null : histories.get(new Identity(history.get(n - 2)));
            StringBuilder out;
            if (before != null && before.length() == n - 1) {
                out = new StringBuilder(before.text().length() + 256);
                out.append(before.text(), 0, before.text().length() - 1).append(',');
            } else {
                out = new StringBuilder(64 + 256 * n).append('[');
                for (int i = 0; i < n - 1; i++) {
                    step(out, history.get(i)).append(',');
                }
            }
            String text = step(out, last).append(']').toString();
            histories.put(new Identity(last), new Joined(n, text));
            return text;
        }
    }

    private StringBuilder step(StringBuilder out, Session.Step step) {
        return out.append("{\"v\":")
                .append(step.version())
                .append(",\"d\":")
                .append(remembered(step.decisions()))
                .append('}');
    }

    /** The text of a history of {@code length} steps. */
    private record Joined(int length, String text) {}

    private String remembered(List<Decision> decisions) {
        // Only immutable lists are remembered: a list that could change later must be written every time.
        if (!isImmutable(decisions)) {
            return Json.write(ConfigurationStore.decisionsJson(decisions));
        }
        Identity key = new Identity(decisions);
        String text = written.get(key);
        if (text == null) {
            text = Json.write(ConfigurationStore.decisionsJson(decisions));
            written.put(key, text);
        }
        return text;
    }

    private static final Class<?> IMMUTABLE_LIST = List.of(1, 2, 3).getClass();
    private static final Class<?> IMMUTABLE_LIST_12 = List.of(1).getClass();

    private static boolean isImmutable(List<Decision> list) {
        return list.getClass() == IMMUTABLE_LIST || list.getClass() == IMMUTABLE_LIST_12;
    }
}
