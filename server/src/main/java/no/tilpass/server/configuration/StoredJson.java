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
 * list's identity and the history is joined from remembered texts instead of being written again at
 * every step.
 */
final class StoredJson {
    /** Decision lists remembered (about 100 steps of a few hundred live sessions). */
    static final int LIMIT = 20_000;

    private final Map<Identity, String> written = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, String> eldest) {
            return size() > LIMIT;
        }
    };

    /** A list as a map key by identity (a list's own equals compares every element). */
    private static final class Identity {
        private final List<Decision> list;

        Identity(List<Decision> list) {
            this.list = list;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity o && o.list == list;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(list);
        }
    }

    /** The stored text of a decision list. */
    String decisions(List<Decision> decisions) {
        synchronized (written) {
            return remembered(decisions);
        }
    }

    /** The stored text of an undo history. */
    String history(List<Session.Step> history) {
        StringBuilder out = new StringBuilder(64 + 256 * history.size());
        out.append('[');
        synchronized (written) {
            for (int i = 0; i < history.size(); i++) {
                Session.Step step = history.get(i);
                if (i > 0) {
                    out.append(',');
                }
                out.append("{\"v\":")
                        .append(step.version())
                        .append(",\"d\":")
                        .append(remembered(step.decisions()))
                        .append('}');
            }
        }
        return out.append(']').toString();
    }

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
