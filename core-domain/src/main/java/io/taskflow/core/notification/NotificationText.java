package io.taskflow.core.notification;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.ReminderTriggered;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.event.TaskUpdated;
import io.taskflow.core.event.UserAuthenticated;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The words of a notification, made from its event alone, so that every channel and every redelivery says the same.
 *
 * @param taskId the task it is about; null for account events
 * @param title short: the task's title, or what happened
 * @param message one sentence
 */
public record NotificationText(UUID taskId, String title, String message) {

    /** @throws IllegalArgumentException for an event type that notifies no one */
    public static NotificationText of(DomainEvent event) {
        if (event instanceof TaskCreated e) {
            String title = e.task().details().title();
            return new NotificationText(e.aggregateId(), title, "Task created: " + title);
        } else if (event instanceof TaskUpdated e) {
            String title = e.task().details().title();
            String changed =
                    String.join(", ", e.changedFields().stream().sorted().toList());
            return new NotificationText(
                    e.aggregateId(),
                    title,
                    "Task updated: " + title + (changed.isEmpty() ? "" : " (changed: " + changed + ")"));
        } else if (event instanceof TaskCompleted e) {
            String title = e.task().details().title();
            return new NotificationText(e.aggregateId(), title, "Task completed: " + title);
        } else if (event instanceof TaskDeleted e) {
            return new NotificationText(e.aggregateId(), "Task deleted", "Task " + e.aggregateId() + " was deleted");
        } else if (event instanceof ReminderTriggered e) {
            return new NotificationText(
                    e.aggregateId(), e.title(), "Reminder: " + e.title() + " (set for " + utc(e.remindAt()) + ")");
        } else if (event instanceof UserAuthenticated e) {
            return new NotificationText(null, "New sign-in", "Your account was signed in to at " + utc(e.occurredAt()));
        }
        throw new IllegalArgumentException(event.type().typeName() + " notifies no one");
    }

    private static String utc(java.time.Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
