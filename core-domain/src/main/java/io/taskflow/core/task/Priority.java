package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.util.Arrays;

public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT;

    public static Priority parse(String field, String value) {
        return Arrays.stream(values())
                .filter(p -> p.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of " + Arrays.toString(values())));
    }
}
