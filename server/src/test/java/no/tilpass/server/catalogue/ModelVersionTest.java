package no.tilpass.server.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelVersionTest {
    @Test
    void component_pins_survive_the_text_they_are_stored_as() {
        Map<String, ModelVersion.Pin> pins = Map.of(
                "fittings.tpm", new ModelVersion.Pin("fitting_set", 3),
                "door.tpm", new ModelVersion.Pin("door", 1));
        ModelVersion v = new ModelVersion("f", "p", 1, "p.tpm", "", "model p {}", pins, Instant.EPOCH);

        assertThat(v.pinsText()).isEqualTo("door.tpm=door/1;fittings.tpm=fitting_set/3");
        assertThat(ModelVersion.parsePins(v.pinsText())).isEqualTo(pins);
        assertThat(ModelVersion.parsePins("")).isEmpty();
    }
}
