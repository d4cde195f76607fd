package io.taskflow.core.notification;

import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.port.InAppNotifications;
import io.taskflow.core.port.TimeSource;
import java.util.UUID;

/** The in-app list: a user's own notifications, and marking one read. */
public final class ReadNotifications {
    private final InAppNotifications notifications;
    private final TimeSource time;

    public ReadNotifications(InAppNotifications notifications, TimeSource time) {
        this.notifications = notifications;
        this.time = time;
    }

    public NotificationPage list(NotificationQuery query) {
        return notifications.list(query);
    }

    /** Idempotent: marking a read notification read again keeps its first read time. */
    public void markRead(UUID userId, UUID notificationId) {
        if (!notifications.markRead(userId, notificationId, time.now())) {
            throw new NotFoundException("notification " + notificationId);
        }
    }
}
