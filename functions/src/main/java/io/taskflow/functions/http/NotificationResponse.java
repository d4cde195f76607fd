package io.taskflow.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An in-app notification as the API shows it.
 *
 * @param type the type of the event that caused it
 * @param readAt null while unread
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationResponse(
        UUID id,
        String type,
        UUID causeEventId,
        UUID taskId,
        String title,
        String message,
        Instant createdAt,
        Instant readAt) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(
                n.id(),
                n.causeType().typeName(),
                n.causeEventId(),
                n.taskId(),
                n.title(),
                n.message(),
                n.createdAt(),
                n.readAt());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<NotificationResponse> items, String nextCursor) {}
}
