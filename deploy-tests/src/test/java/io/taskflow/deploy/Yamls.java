package io.taskflow.deploy;

import java.util.List;
import java.util.Map;

/** Typed paths into parsed YAML, failing with the path when the shape is not what a check expects. */
final class Yamls {
    private Yamls() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw new AssertionError("expected a sequence, got " + value);
        }
        return (List<Object>) value;
    }

    /** The value at a dotted path ({@code spec.template.metadata}), or null when any step is missing. */
    static Object at(Object root, String path) {
        Object current = root;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(step);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object root, String path) {
        Object value = at(root, path);
        if (value == null) {
            throw new AssertionError("nothing at " + path + " in " + root);
        }
        return map(value);
    }

    static List<Object> listAt(Object root, String path) {
        Object value = at(root, path);
        return value == null ? List.of() : list(value);
    }

    static String text(Object root, String path) {
        Object value = at(root, path);
        return value == null ? null : value.toString();
    }
}
