package no.tilpass.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A small JSON Schema checker for the subset the OpenAPI document uses: {@code $ref}, {@code allOf},
 * {@code oneOf}, {@code type} (one or several), {@code required}, {@code properties}, {@code items},
 * {@code enum}. Problems are collected as "where: what" lines.
 */
final class Schemas {
    private Schemas() {}

    static void check(JsonNode document, JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (schema.has("$ref")) {
            check(document, value, document.at(schema.get("$ref").asText().substring(1)), where, problems);
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(document, value, part, where, problems);
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode part : schema.get("oneOf")) {
                List<String> partProblems = new ArrayList<>();
                check(document, value, part, where, partProblems);
                if (partProblems.isEmpty()) {
                    matching++;
                }
            }
            if (matching != 1) {
                problems.add(where + ": matches " + matching + " of the oneOf schemas, not exactly one");
            }
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(where + ": " + value.getNodeType() + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    problems.add(where + ": required property " + name.asText() + " is missing");
                }
            }
            schema.path("properties").properties().forEach(p -> {
                if (value.has(p.getKey())) {
                    check(document, value.get(p.getKey()), p.getValue(), where + "." + p.getKey(), problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(document, value.get(i), schema.get("items"), where + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
