package io.taskflow.core.task;

/**
 * One field of a partial update, with the three meanings of JSON Merge Patch (RFC 7396): the field was absent (keep
 * the current value), it held a value (set it), or it held {@code null} (clear it).
 */
public sealed interface Patch<T> {

    record Keep<T>() implements Patch<T> {}

    record Set<T>(T value) implements Patch<T> {}

    record Clear<T>() implements Patch<T> {}

    static <T> Patch<T> keep() {
        return new Keep<>();
    }

    static <T> Patch<T> set(T value) {
        return value == null ? new Clear<>() : new Set<>(value);
    }

    static <T> Patch<T> clear() {
        return new Clear<>();
    }

    default T applyTo(T current) {
        if (this instanceof Set<T> set) {
            return set.value();
        }
        return this instanceof Clear<T> ? null : current;
    }

    default boolean changes() {
        return !(this instanceof Keep<T>);
    }
}
