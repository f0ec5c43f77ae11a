package no.tilpass.bench.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
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
 * drawing) is skipped by the parser rather than built as a tree, and reading stops once the six fields
 * are read, so the customers spend little of the machine that the server under test needs.
 *
 * <p>Every record ignores unknown properties by annotation: with a constructor-based record Jackson otherwise
 * copies each unknown property into a token buffer before it can drop it, which tripled the parse time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StepState(
        String id, int revision, boolean complete, boolean canUndo, List<Chosen> decisions, List<OptionState> options) {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectReader DECISIONS = MAPPER.readerFor(new TypeReference<List<Chosen>>() {});
    private static final ObjectReader OPTIONS = MAPPER.readerFor(new TypeReference<List<OptionState>>() {});
    private static final int FIELDS = 6;

    StepState {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /**
     * Reads the six fields a customer needs and stops as soon as it has them: the compact state puts them
     * before its price and drawing, which are then not even tokenised.
     */
    static StepState parse(byte[] json) throws IOException {
        String id = null;
        int revision = 0;
        boolean complete = false;
        boolean canUndo = false;
        List<Chosen> decisions = null;
        List<OptionState> options = null;
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a state is a JSON object");
            }
            int seen = 0;
            while (seen < FIELDS && p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                seen++;
                switch (name) {
                    case "id" -> id = p.getValueAsString();
                    case "revision" -> revision = p.getValueAsInt();
                    case "complete" -> complete = p.getValueAsBoolean();
                    case "canUndo" -> canUndo = p.getValueAsBoolean();
                    case "decisions" -> decisions =
                            p.currentToken() == JsonToken.START_ARRAY ? DECISIONS.readValue(p) : null;
                    case "options" -> options = p.currentToken() == JsonToken.START_ARRAY ? OPTIONS.readValue(p) : null;
                    default -> {
                        seen--;
                        p.skipChildren();
                    }
                }
            }
        }
        return new StepState(id, revision, complete, canUndo, decisions, options);
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
