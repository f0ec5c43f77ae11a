package no.tilpass.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out of the API: one shared {@link ObjectMapper}; malformed input is a 400 {@link ApiError}. */
public final class Json {
    private static final ObjectMapper MAPPER = createMapper();

    private Json() {}

    private static ObjectMapper createMapper() {
        // Drawings carry many doubles: the Schubfach writer formats them several times faster.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(64).build())
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code value} (maps, lists, records, strings, numbers) as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} as UTF-8 JSON bytes (what a response body needs, without a String between). */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads JSON text; malformed text is a 400 naming line and column. */
    public static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest(
                    "malformed_json",
                    "the request body is empty; a JSON object is expected",
                    "Maybe send a body such as {\"revision\": 0}.");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? null
                    : "body:" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr();
            throw ApiError.badRequest(
                            "malformed_json",
                            "the request body is not valid JSON: " + e.getOriginalMessage(),
                            "Maybe check quotes, commas and braces near " + (where == null ? "the end" : where) + ".")
                    .where(where);
        }
    }

    /** Reads a JSON object; anything else is a 400. */
    public static ObjectNode readObject(String text) {
        JsonNode node = read(text);
        if (!node.isObject()) {
            throw ApiError.badRequest(
                    "malformed_json",
                    "the request body is JSON but not an object",
                    "Maybe wrap it in braces: {\"value\": ...}.");
        }
        return (ObjectNode) node;
    }

    /** An empty object node. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** An insertion-ordered map from alternating keys and values. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Parses a JSON value that is known to be well-formed (from our own database). */
    public static JsonNode parseStored(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
