package no.tilpass.bench.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
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

    /**
     * An option: its kind, how it stands, and {@code valid}: runs of valid numbers (int) or the valid values
     * (bool, enum) in the compact state; the full state ({@code ?view=full}) lists enum and bool values with
     * {@code available} instead.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OptionState(String name, String kind, String decided, JsonNode valid, List<Value> values) {
        OptionState {
            valid = valid == null ? NullNode.getInstance() : valid;
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** The runs of valid numbers of an int option. */
        List<Run> runs() {
            List<Run> runs = new ArrayList<>();
            for (JsonNode run : valid) {
                runs.add(new Run(
                        run.path("from").asLong(),
                        run.path("to").asLong(),
                        run.path("step").asLong()));
            }
            return runs;
        }

        /** The valid values of a bool or enum option as the JSON the API takes. */
        List<JsonNode> choices() {
            List<JsonNode> out = new ArrayList<>();
            if (valid.isArray()) {
                valid.forEach(out::add);
            }
            for (Value value : values) {
                if (value.available()) {
                    out.add(
                            "bool".equals(kind)
                                    ? BooleanNode.valueOf(Boolean.parseBoolean(value.name()))
                                    : TextNode.valueOf(value.name()));
                }
            }
            return out;
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
