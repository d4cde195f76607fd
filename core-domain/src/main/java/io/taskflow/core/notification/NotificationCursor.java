package io.taskflow.core.notification;

import io.taskflow.core.task.TaskCursor;
import java.time.Instant;
import java.util.UUID;

/** Where a page of notifications ended: keyset paging over (createdAt, id) descending, encoded as task cursors are. */
public record NotificationCursor(Instant createdAt, UUID id) {

    public static NotificationCursor of(Notification notification) {
        return new NotificationCursor(notification.createdAt(), notification.id());
    }

    public String encode() {
        return new TaskCursor(createdAt, id).encode();
    }

    /** @throws io.taskflow.core.error.InvalidInputException naming {@code cursor} when it is not one */
    public static NotificationCursor decode(String cursor) {
        var decoded = TaskCursor.decode(cursor);
        return new NotificationCursor(decoded.createdAt(), decoded.id());
    }
}
