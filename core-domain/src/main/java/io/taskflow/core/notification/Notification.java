package io.taskflow.core.notification;

import io.taskflow.core.event.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a user is told about one event: the item of the in-app list, and the content of its e-mail and webhook.
 *
 * @param id the notification's id, shared by every channel it went out on
 * @param causeType the type of the event that caused it
 * @param causeEventId that event's id
 * @param taskId the task it is about; null for account events
 * @param createdAt when it was stored (the in-app list is ordered by it)
 * @param readAt when the user marked it read; null while unread
 */
public record Notification(
        UUID id,
        UUID userId,
        EventType causeType,
        UUID causeEventId,
        UUID taskId,
        String title,
        String message,
        Instant createdAt,
        Instant readAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(causeType, "causeType");
        Objects.requireNonNull(causeEventId, "causeEventId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isRead() {
        return readAt != null;
    }
}
