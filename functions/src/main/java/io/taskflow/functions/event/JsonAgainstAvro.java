package io.taskflow.functions.event;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * Checks plain JSON (not Avro's own JSON encoding, which wraps union values) against an Avro schema: the shape every
 * Taskflow event's data has on the wire. Strict mode also refuses fields the schema does not name, which is what a
 * producer must obey; consumers read leniently so that a newer producer's added fields do not break them.
 */
final class JsonAgainstAvro {
    private JsonAgainstAvro() {}

    static List<String> problems(Schema schema, JsonNode json, boolean strict) {
        var problems = new ArrayList<String>();
        check(schema, json, "$", strict, problems);
        return problems;
    }

    private static void check(Schema schema, JsonNode node, String path, boolean strict, List<String> out) {
        switch (schema.getType()) {
            case RECORD -> record(schema, node, path, strict, out);
            case UNION -> union(schema, node, path, strict, out);
            case NULL -> expect(node == null || node.isNull(), path, "null", out);
            case STRING -> string(schema, node, path, out);
            case ENUM ->
                expect(
                        node != null
                                && node.isString()
                                && schema.getEnumSymbols().contains(node.getStringValue()),
                        path,
                        "one of " + schema.getEnumSymbols(),
                        out);
            case INT -> expect(isIntegral(node, Integer.MIN_VALUE, Integer.MAX_VALUE), path, "an int", out);
            case LONG -> expect(isIntegral(node, Long.MIN_VALUE, Long.MAX_VALUE), path, "a long", out);
            case FLOAT, DOUBLE -> expect(node != null && node.isNumber(), path, "a number", out);
            case BOOLEAN -> expect(node != null && node.isBoolean(), path, "a boolean", out);
            case ARRAY -> array(schema, node, path, strict, out);
            case MAP -> map(schema, node, path, strict, out);
            default -> out.add(path + ": schema type " + schema.getType() + " is not used by Taskflow events");
        }
    }

    private static void record(Schema schema, JsonNode node, String path, boolean strict, List<String> out) {
        if (node == null || !node.isObject()) {
            out.add(path + ": expected an object");
            return;
        }
        for (Schema.Field field : schema.getFields()) {
            JsonNode value = node.get(field.name());
            boolean absent = value == null;
            if (absent && (field.hasDefaultValue() || acceptsNull(field.schema()))) {
                continue;
            }
            check(field.schema(), value, path + "." + field.name(), strict, out);
        }
        if (strict) {
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                if (schema.getField(entry.getKey()) == null) {
                    out.add(path + "." + entry.getKey() + ": not in schema " + schema.getFullName());
                }
            }
        }
    }

    private static void union(Schema schema, JsonNode node, String path, boolean strict, List<String> out) {
        for (Schema branch : schema.getTypes()) {
            var attempt = new ArrayList<String>();
            check(branch, node, path, strict, attempt);
            if (attempt.isEmpty()) {
                return;
            }
        }
        out.add(path + ": matches none of "
                + schema.getTypes().stream().map(Schema::getType).toList());
    }

    private static void string(Schema schema, JsonNode node, String path, List<String> out) {
        if (node == null || !node.isString()) {
            out.add(path + ": expected a string");
            return;
        }
        if ("uuid".equals(schema.getProp("logicalType"))) {
            try {
                UUID.fromString(node.getStringValue());
            } catch (IllegalArgumentException e) {
                out.add(path + ": expected a UUID");
            }
        }
    }

    private static void array(Schema schema, JsonNode node, String path, boolean strict, List<String> out) {
        if (node == null || !node.isArray()) {
            out.add(path + ": expected an array");
            return;
        }
        int i = 0;
        for (JsonNode item : node.values()) {
            check(schema.getElementType(), item, path + "[" + i++ + "]", strict, out);
        }
    }

    private static void map(Schema schema, JsonNode node, String path, boolean strict, List<String> out) {
        if (node == null || !node.isObject()) {
            out.add(path + ": expected an object");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            check(schema.getValueType(), entry.getValue(), path + "." + entry.getKey(), strict, out);
        }
    }

    private static boolean acceptsNull(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || (schema.getType() == Schema.Type.UNION
                        && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL));
    }

    private static boolean isIntegral(JsonNode node, long min, long max) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        Number n = node.getNumberValue();
        if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal) {
            return false;
        }
        if (n instanceof java.math.BigInteger big) {
            return big.bitLength() < 64 && big.longValue() >= min && big.longValue() <= max;
        }
        return n.longValue() >= min && n.longValue() <= max;
    }

    private static void expect(boolean ok, String path, String what, List<String> out) {
        if (!ok) {
            out.add(path + ": expected " + what);
        }
    }
}
