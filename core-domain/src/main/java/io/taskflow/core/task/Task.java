package io.taskflow.core.task;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The task aggregate. Immutable: every change returns the next version, and the use case turns the pair into an event.
 *
 * @param completedAt set while the task is {@link TaskStatus#COMPLETED}
 */
public record Task(
        UUID id,
        UUID ownerId,
        TaskDetails details,
        TaskStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Task create(UUID id, UUID ownerId, TaskDetails details, Instant now) {
        return new Task(id, ownerId, details, TaskStatus.OPEN, 1, now, now, null);
    }

    public boolean isCompleted() {
        return status == TaskStatus.COMPLETED;
    }

    /** The next version with the changes applied; the same task when nothing would change. */
    public Task apply(TaskChanges changes, Instant now) {
        TaskDetails nextDetails = changes.applyTo(details);
        TaskStatus nextStatus = changes.status().applyTo(status);
        if (nextDetails.equals(details) && nextStatus == status) {
            return this;
        }
        Instant nextCompletedAt = nextStatus == TaskStatus.COMPLETED ? completedAt : null;
        return new Task(id, ownerId, nextDetails, nextStatus, version + 1, createdAt, now, nextCompletedAt);
    }

    /** The next version, completed now; the same task when it is completed already. */
    public Task complete(Instant now) {
        if (isCompleted()) {
            return this;
        }
        return new Task(id, ownerId, details, TaskStatus.COMPLETED, version + 1, createdAt, now, now);
    }
}
