package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.util.Arrays;

public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    COMPLETED;

    public static TaskStatus parse(String field, String value) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of " + Arrays.toString(values())));
    }
}
