package io.taskflow.core.reminder;

import io.taskflow.core.event.ReminderTriggered;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A task whose reminder time has come, as the sweep reads it.
 *
 * @param version the task's version when the reminder was read; firing a reminder does not change the task
 */
public record DueReminder(UUID taskId, UUID ownerId, long version, Instant remindAt, String title) {

    public DueReminder {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(remindAt, "remindAt");
        Objects.requireNonNull(title, "title");
    }

    /** The event that tells the owner: the task's id, version and title, and the time the reminder was set for. */
    public ReminderTriggered triggered(UUID eventId, Instant now) {
        return new ReminderTriggered(eventId, now, ownerId, taskId, version, remindAt, title);
    }
}
