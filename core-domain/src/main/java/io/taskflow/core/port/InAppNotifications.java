package io.taskflow.core.port;

import io.taskflow.core.notification.Notification;
import io.taskflow.core.notification.NotificationPage;
import io.taskflow.core.notification.NotificationQuery;
import java.time.Instant;
import java.util.UUID;

/** The in-app notification list. Every read is scoped to a user: another user's notification is simply absent. */
public interface InAppNotifications {

    void insert(Notification notification);

    NotificationPage list(NotificationQuery query);

    /**
     * Marks the notification read, keeping the first read time when it was read already.
     *
     * @return false when there is no such notification of this user
     */
    boolean markRead(UUID userId, UUID notificationId, Instant at);
}
