package io.taskflow.core.notification;

import java.util.List;

/** @param next the cursor of the following page, or null when this is the last one */
public record NotificationPage(List<Notification> items, NotificationCursor next) {
    public NotificationPage {
        items = List.copyOf(items);
    }
}
