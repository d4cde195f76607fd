package io.taskflow.core.notification;

import io.taskflow.core.error.InvalidInputException;
import java.util.Objects;
import java.util.UUID;

/**
 * A page request over one user's notifications, newest first.
 *
 * @param limit at most {@link #MAX_LIMIT}: a larger one is capped, not refused
 * @param after the cursor of the previous page, or null for the first page
 */
public record NotificationQuery(UUID userId, boolean unreadOnly, int limit, NotificationCursor after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public NotificationQuery {
        Objects.requireNonNull(userId, "userId");
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be at least 1");
        }
        limit = Math.min(limit, MAX_LIMIT);
    }
}
