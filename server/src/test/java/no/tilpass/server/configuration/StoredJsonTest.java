package no.tilpass.server.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.tilpass.engine.space.Decision;
import no.tilpass.server.Json;
import org.junit.jupiter.api.Test;

class StoredJsonTest {
    private static final List<String> NAMES = List.of("width", "opening_type", "glass \"clear\"", "colour/æøå", "x\\y");

    @Test
    void stored_texts_are_what_jackson_writes_for_the_same_decisions_and_history_along_random_sessions() {
        StoredJson json = new StoredJson();
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            Session s = new Session(
                    "id",
                    "firm",
                    "p",
                    1,
                    "nb",
                    0,
                    List.of(),
                    List.of(),
                    java.util.Optional.empty(),
                    java.time.Instant.EPOCH,
                    java.time.Instant.EPOCH);
            for (int step = 0; step < 150; step++) {
                if (random.nextInt(10) == 0 && !s.history().isEmpty()) {
                    s = s.undo(java.time.Instant.EPOCH);
                } else {
                    List<Decision> next = new ArrayList<>(s.decisions());
                    String option = NAMES.get(random.nextInt(NAMES.size())) + random.nextInt(3);
                    next.removeIf(d -> d.option().equals(option));
                    next.add(new Decision(option, Integer.toString(random.nextInt(2000))));
                    s = s.change(1 + random.nextInt(2), next, java.time.Instant.EPOCH);
                }
                assertThat(json.decisions(s.decisions()))
                        .as("seed %d step %d", seed, step)
                        .isEqualTo(Json.write(ConfigurationStore.decisionsJson(s.decisions())));
                assertThat(json.history(s.history()))
                        .as("seed %d step %d", seed, step)
                        .isEqualTo(Json.write(ConfigurationStore.historyJson(s.history())));
            }
        }
    }

    @Test
    void a_list_that_may_still_change_is_written_afresh_every_time() {
        StoredJson json = new StoredJson();
        List<Decision> mutable = new ArrayList<>(List.of(new Decision("width", "1200")));

        String before = json.decisions(mutable);
        mutable.add(new Decision("height", "900"));

        assertThat(before).isEqualTo("[[\"width\",\"1200\"]]");
        assertThat(json.decisions(mutable)).isEqualTo("[[\"width\",\"1200\"],[\"height\",\"900\"]]");
    }
}
