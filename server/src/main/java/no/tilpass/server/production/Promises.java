package no.tilpass.server.production;

import java.time.LocalDateTime;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import no.tilpass.engine.model.ProductModel;

/**
 * The capable-to-promise answers given against one view of a firm's plan, per model (by identity: one
 * compiled model per published version), configuration and minute of asking. The answer is a function of
 * exactly these, so a configuration state asked for again (a reload, undo, another session on the same
 * values) costs a lookup. Dropped with its view when the plan changes or the view expires.
 */
final class Promises {
    static final int LIMIT = 512;

    private record Key(Map<String, String> configuration, LocalDateTime now) {}

    private final Map<ProductModel, Map<Key, Optional<Map<String, Object>>>> byModel = new IdentityHashMap<>();

    /** The memoised answer, else {@code compute}'s (remembered, at most {@link #LIMIT} per model). */
    Optional<Map<String, Object>> get(
            ProductModel model,
            Map<String, String> configuration,
            LocalDateTime now,
            Supplier<Optional<Map<String, Object>>> compute) {
        Key key = new Key(Map.copyOf(configuration), now);
        synchronized (byModel) {
            Map<Key, Optional<Map<String, Object>>> known = byModel.get(model);
            if (known != null && known.containsKey(key)) {
                return known.get(key);
            }
        }
        Optional<Map<String, Object>> answer = compute.get();
        synchronized (byModel) {
            byModel.computeIfAbsent(model, m -> lru()).put(key, answer);
        }
        return answer;
    }

    /** How many answers are remembered for {@code model}. */
    int size(ProductModel model) {
        synchronized (byModel) {
            Map<Key, Optional<Map<String, Object>>> known = byModel.get(model);
            return known == null ? 0 : known.size();
        }
    }

    private static Map<Key, Optional<Map<String, Object>>> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Optional<Map<String, Object>>> eldest) {
                return size() > LIMIT;
            }
        };
    }
}
