package no.tilpass.bench.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * The part of a configuration state (docs/api.md) a simulated customer reads to choose its next step.
 * Read straight from the response bytes into these records; every other field (labels, prices, the
 * drawing) is skipped by the parser rather than built as a tree, so the customers spend little of the
 * machine that the server under test needs.
 *
 * <p>Every record ignores unknown properties by annotation: with a constructor-based record Jackson otherwise
 * copies each unknown property into a token buffer before it can drop it, which tripled the parse time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StepState(
        String id, int revision, boolean complete, boolean canUndo, List<Chosen> decisions, List<OptionState> options) {
    private static final ObjectReader READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build()
            .readerFor(StepState.class);

    StepState {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        options = options == null ? List.of() : List.copyOf(options);
    }

    static StepState parse(byte[] json) throws IOException {
        return READER.readValue(json);
    }

    /** A customer's decision: only which option it is on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chosen(String option) {}

    /** An option: its kind, how it stands, and its valid numbers (int) or values with availability. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OptionState(String name, String kind, String decided, List<Run> valid, List<Value> values) {
        OptionState {
            valid = valid == null ? List.of() : List.copyOf(valid);
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** Valid numbers {@code from}, {@code from + step}, ... {@code to}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(long from, long to, long step) {
        long length() {
            return (to - from) / Math.max(1, step) + 1;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(String name, boolean available) {}
}
