package io.taskflow.core.notification;

import io.taskflow.core.error.InvalidInputException;
import java.util.Arrays;

/** Where a notification can go. The wire name is what the API, the stores and {@code notification.sent} carry. */
public enum Channel {
    EMAIL("email"),
    WEBHOOK("webhook"),
    IN_APP("in-app");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True for the channels that leave the system and so are sent after commit, at most once. */
    public boolean isOutside() {
        return this != IN_APP;
    }

    public static Channel parse(String field, String value) {
        return Arrays.stream(values())
                .filter(c -> c.wireName.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field, "must be one of email, webhook, in-app (got '" + value + "')"));
    }
}
