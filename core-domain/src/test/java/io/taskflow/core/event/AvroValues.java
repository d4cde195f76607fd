package io.taskflow.core.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Turns the plain values of {@link EventData} (strings, numbers, booleans, lists, maps, null) into Avro generic values
 * of a given schema. Strict: a value that the schema does not allow is reported with its path rather than coerced.
 */
public final class AvroValues {

    private AvroValues() {}

    public static GenericData.Record toRecord(Schema schema, Map<String, ?> values) {
        return record(schema, values, "");
    }

    private static GenericData.Record record(Schema schema, Map<?, ?> values, String path) {
        for (Object key : values.keySet()) {
            if (schema.getField(String.valueOf(key)) == null) {
                throw mismatch(path + key, "is not a field of " + schema.getFullName());
            }
        }
        var record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = path + field.name();
            if (!values.containsKey(field.name()) && !isNullable(field.schema())) {
                throw mismatch(fieldPath, "is required by the schema but missing");
            }
            record.put(field.name(), convert(field.schema(), values.get(field.name()), fieldPath));
        }
        return record;
    }

    public static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || (schema.getType() == Schema.Type.UNION
                        && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL));
    }

    private static Object convert(Schema schema, Object value, String path) {
        if (value == null) {
            if (isNullable(schema)) {
                return null;
            }
            throw mismatch(path, "is null but the schema type is " + schema);
        }
        switch (schema.getType()) {
            case UNION:
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() == Schema.Type.NULL) {
                        continue;
                    }
                    try {
                        return convert(branch, value, path);
                    } catch (IllegalArgumentException wrongBranch) {
                        // try the next branch
                    }
                }
                throw mismatch(path, "matches no branch of " + schema + ": " + describe(value));
            case STRING:
                if (value instanceof CharSequence text) {
                    if (schema.getLogicalType() != null
                            && "uuid".equals(schema.getLogicalType().getName())) {
                        checkUuid(text.toString(), path);
                    }
                    return text.toString();
                }
                break;
            case INT:
                if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).intValue();
                }
                break;
            case LONG:
                if (value instanceof Long
                        || value instanceof Integer
                        || value instanceof Short
                        || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                break;
            case FLOAT:
                if (value instanceof Float) {
                    return value;
                }
                break;
            case DOUBLE:
                if (value instanceof Double || value instanceof Float) {
                    return ((Number) value).doubleValue();
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case ENUM:
                String symbol = value instanceof Enum<?> e ? e.name() : value instanceof String s ? s : null;
                if (symbol != null) {
                    if (!schema.hasEnumSymbol(symbol)) {
                        throw mismatch(path, "'" + symbol + "' is not one of " + schema.getEnumSymbols());
                    }
                    return new GenericData.EnumSymbol(schema, symbol);
                }
                break;
            case ARRAY:
                if (value instanceof Collection<?> items) {
                    List<Object> converted = new ArrayList<>();
                    int i = 0;
                    for (Object item : items) {
                        converted.add(convert(schema.getElementType(), item, path + "[" + i++ + "]"));
                    }
                    return new GenericData.Array<>(schema, converted);
                }
                break;
            case MAP:
                if (value instanceof Map<?, ?> entries) {
                    Map<String, Object> converted = new LinkedHashMap<>();
                    entries.forEach((k, v) ->
                            converted.put(String.valueOf(k), convert(schema.getValueType(), v, path + "." + k)));
                    return converted;
                }
                break;
            case RECORD:
                if (value instanceof Map<?, ?> fields) {
                    return record(schema, fields, path + ".");
                }
                break;
            default:
                throw mismatch(path, "has schema type " + schema.getType() + ", which this helper does not convert");
        }
        throw mismatch(path, "expects " + schema.getType() + " but got " + describe(value));
    }

    private static void checkUuid(String text, String path) {
        try {
            if (UUID.fromString(text).toString().equals(text)) {
                return;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw mismatch(path, "'" + text + "' is not a canonical UUID");
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }

    private static IllegalArgumentException mismatch(String path, String problem) {
        return new IllegalArgumentException(path + " " + problem);
    }
}
