package io.taskflow.core.analytics;

import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.event.TaskSnapshotEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What analytics keeps of a task: its milestones as of its latest event. Deleted tasks are kept (with
 * {@code deletedAt}) because the days they were created, completed or overdue on do not change.
 *
 * @param createdAt null only for a task whose deletion was the first event seen of it
 * @param completedAt null while the task is not completed (a reopened task has none again)
 * @param version the task's version after the event these facts come from; an older event never overwrites them
 */
public record TaskFacts(
        UUID taskId,
        UUID ownerId,
        Instant createdAt,
        Instant dueAt,
        Instant completedAt,
        Instant deletedAt,
        long version) {

    public TaskFacts {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(ownerId, "ownerId");
    }

    public static TaskFacts of(TaskSnapshotEvent event) {
        var task = event.task();
        return new TaskFacts(
                task.id(),
                task.ownerId(),
                task.createdAt(),
                task.details().dueAt(),
                task.completedAt(),
                null,
                task.version());
    }

    /** The facts after {@code event}; {@code before} is null when nothing was known of the task. */
    public static TaskFacts deleted(TaskFacts before, TaskDeleted event) {
        if (before == null) {
            return new TaskFacts(
                    event.aggregateId(), event.actorId(), null, null, null, event.occurredAt(), event.version());
        }
        return new TaskFacts(
                before.taskId,
                before.ownerId,
                before.createdAt,
                before.dueAt,
                before.completedAt,
                event.occurredAt(),
                event.version());
    }

    /** The UTC day the task is due on, the day it counts as overdue on; null without a due time. */
    public LocalDate dueDay() {
        return UtcDays.of(dueAt);
    }

    public boolean isNewerThan(TaskFacts other) {
        return other == null || version > other.version;
    }
}
