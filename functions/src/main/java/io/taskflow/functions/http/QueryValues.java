package io.taskflow.functions.http;

import io.taskflow.core.error.InvalidInputException;
import java.util.UUID;

/** Query parameters read strictly: a malformed value is a 400 naming the parameter, never a silent default. */
final class QueryValues {
    private QueryValues() {}

    static UUID requiredUuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be a UUID");
        }
    }

    static int number(String field, String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}
