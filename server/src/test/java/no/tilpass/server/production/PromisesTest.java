package no.tilpass.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import no.tilpass.engine.model.ModelLoader;
import no.tilpass.engine.model.ProductModel;
import org.junit.jupiter.api.Test;

class PromisesTest {
    private static ProductModel chair() {
        return ((ModelLoader.Result.Loaded) ModelLoader.load(Path.of("..", "models", "chair.tpm"))).model();
    }

    @Test
    void an_answer_is_computed_once_per_model_configuration_and_minute() {
        ProductModel chair = chair();
        ProductModel sameText = chair();
        Promises promises = new Promises();
        AtomicInteger computed = new AtomicInteger();
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 7, 0);
        Map<String, String> configuration = new LinkedHashMap<>(Map.of("width", "600"));
        Optional<Map<String, Object>> first = promises.get(chair, configuration, now, () -> {
            computed.incrementAndGet();
            return Optional.of(Map.of("earliest", "2026-12-14"));
        });

        // The same question again: remembered, even when asked with an equal configuration map.
        assertThat(promises.get(chair, new LinkedHashMap<>(configuration), now, () -> {
                    computed.incrementAndGet();
                    return Optional.empty();
                }))
                .isEqualTo(first);
        assertThat(computed).hasValue(1);

        // A later minute, another configuration or another compiled model is asked anew.
        promises.get(chair, configuration, now.plusMinutes(1), () -> answer(computed));
        promises.get(chair, Map.of("width", "700"), now, () -> answer(computed));
        promises.get(sameText, configuration, now, () -> answer(computed));
        assertThat(computed).hasValue(4);
        assertThat(promises.size(chair)).isEqualTo(3);
    }

    @Test
    void no_answer_is_remembered_too_and_at_most_the_limit_per_model() {
        ProductModel chair = chair();
        Promises promises = new Promises();
        AtomicInteger computed = new AtomicInteger();
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 7, 0);
        for (int round = 0; round < 2; round++) {
            assertThat(promises.get(chair, Map.of(), now, () -> {
                        computed.incrementAndGet();
                        return Optional.empty();
                    }))
                    .isEmpty();
        }
        assertThat(computed).hasValue(1);
        for (int i = 0; i < Promises.LIMIT + 10; i++) {
            promises.get(chair, Map.of("n", Integer.toString(i)), now, Optional::empty);
        }
        assertThat(promises.size(chair)).isEqualTo(Promises.LIMIT);
    }

    private static Optional<Map<String, Object>> answer(AtomicInteger computed) {
        computed.incrementAndGet();
        return Optional.of(Map.of("earliest", "2026-12-15"));
    }
}
