package no.tilpass.bench.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a configuration state (docs/api.md) a simulated customer reads to choose its next step.
 * Read with the streaming parser straight from the response bytes into these records: every other field
 * (prices, the drawing, labels of a full state) is skipped rather than built, and reading stops once the
 * six fields are read (the compact state puts them before its price and drawing), so the customers spend
 * little of the machine that the server under test needs.
 */
record StepState(
        String id, int revision, boolean complete, boolean canUndo, List<Chosen> decisions, List<OptionState> options) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int FIELDS = 6;

    StepState {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        options = options == null ? List.of() : List.copyOf(options);
    }

    static StepState parse(byte[] json) throws IOException {
        String id = null;
        int revision = 0;
        boolean complete = false;
        boolean canUndo = false;
        List<Chosen> decisions = null;
        List<OptionState> options = null;
        try (JsonParser p = JSON.createParser(json)) {
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
                    case "decisions" -> decisions = decisions(p);
                    case "options" -> options = options(p);
                    default -> {
                        seen--;
                        p.skipChildren();
                    }
                }
            }
        }
        return new StepState(id, revision, complete, canUndo, decisions, options);
    }

    private static List<Chosen> decisions(JsonParser p) throws IOException {
        List<Chosen> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String option = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("option")) {
                    option = p.getValueAsString();
                } else {
                    p.skipChildren();
                }
            }
            out.add(new Chosen(option));
        }
        return out;
    }

    private static List<OptionState> options(JsonParser p) throws IOException {
        List<OptionState> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return out;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String optionName = null;
            String kind = null;
            String decided = null;
            List<Run> runs = new ArrayList<>();
            List<JsonNode> choices = new ArrayList<>();
            List<String> available = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "name" -> optionName = p.getValueAsString();
                    case "kind" -> kind = p.getValueAsString();
                    case "decided" -> decided = p.getValueAsString();
                    case "valid" -> valid(p, runs, choices);
                    case "values" -> values(p, available);
                    default -> p.skipChildren();
                }
            }
            for (String value : available) {
                choices.add(
                        "bool".equals(kind)
                                ? BooleanNode.valueOf(Boolean.parseBoolean(value))
                                : TextNode.valueOf(value));
            }
            out.add(new OptionState(optionName, kind, decided, runs, choices));
        }
        return out;
    }

    /** {@code valid}: runs {@code {"from","to","step"}} (int), or the valid values themselves (bool, enum). */
    private static void valid(JsonParser p, List<Run> runs, List<JsonNode> choices) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            switch (t) {
                case START_OBJECT -> {
                    long from = 0;
                    long to = 0;
                    long step = 0;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        switch (name) {
                            case "from" -> from = p.getValueAsLong();
                            case "to" -> to = p.getValueAsLong();
                            case "step" -> step = p.getValueAsLong();
                            default -> p.skipChildren();
                        }
                    }
                    runs.add(new Run(from, to, step));
                }
                case VALUE_TRUE, VALUE_FALSE -> choices.add(BooleanNode.valueOf(t == JsonToken.VALUE_TRUE));
                case VALUE_STRING -> choices.add(TextNode.valueOf(p.getText()));
                case VALUE_NUMBER_INT -> choices.add(LongNode.valueOf(p.getLongValue()));
                default -> p.skipChildren();
            }
        }
    }

    /** {@code values} of a full state: {@code {"name","available"}}; the available names are kept. */
    private static void values(JsonParser p, List<String> available) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            boolean ok = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = p.getValueAsString();
                    case "available" -> ok = p.getValueAsBoolean();
                    default -> p.skipChildren();
                }
            }
            if (ok) {
                available.add(name);
            }
        }
    }

    /** A customer's decision: only which option it is on. */
    record Chosen(String option) {}

    /**
     * An option: its kind, how it stands, and its valid values: runs of numbers (int) or the values as the
     * JSON the API takes (bool, enum; the compact state's {@code valid}, or a full state's available
     * {@code values}).
     */
    record OptionState(String name, String kind, String decided, List<Run> runs, List<JsonNode> choices) {
        OptionState {
            runs = List.copyOf(runs);
            choices = List.copyOf(choices);
        }
    }

    /** Valid numbers {@code from}, {@code from + step}, ... {@code to}. */
    record Run(long from, long to, long step) {
        long length() {
            return (to - from) / Math.max(1, step) + 1;
        }
    }
}
