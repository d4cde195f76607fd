package io.taskflow.core.testing;

import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.event.TaskUpdated;
import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.task.TaskStatus;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The events of one task's life, written as a script: {@code var t = TaskHistory.of(owner); t.created("2026-03-02T09:00:00Z",
 * "2026-03-04T17:00:00Z"); t.completed("2026-03-03T09:00:00Z");}. Each call returns the event the real use case would
 * have published, with the task's next version and a fresh event id.
 */
public final class TaskHistory {
    private final UUID ownerId;
    private final UUID taskId;
    private Task task;

    private TaskHistory(UUID ownerId, UUID taskId) {
        this.ownerId = ownerId;
        this.taskId = taskId;
    }

    public static TaskHistory of(UUID ownerId) {
        return new TaskHistory(ownerId, UUID.randomUUID());
    }

    public UUID taskId() {
        return taskId;
    }

    public UUID ownerId() {
        return ownerId;
    }

    /** @param dueAt null for a task without a due time */
    public TaskCreated created(String at, String dueAt) {
        Instant now = Instant.parse(at);
        task = Task.create(taskId, ownerId, TaskFixtures.details().dueAt(dueAt).build(), now);
        return new TaskCreated(UUID.randomUUID(), now, ownerId, task);
    }

    public TaskUpdated dueMovedTo(String at, String dueAt) {
        return updated(
                at,
                new TaskChanges(null, null, null, null, Patch.set(Instant.parse(dueAt)), null, null, null),
                "dueAt");
    }

    public TaskUpdated reopened(String at) {
        return updated(
                at, new TaskChanges(null, null, null, Patch.set(TaskStatus.OPEN), null, null, null, null), "status");
    }

    public TaskCompleted completed(String at) {
        Instant now = Instant.parse(at);
        task = task.complete(now);
        return new TaskCompleted(UUID.randomUUID(), now, ownerId, task);
    }

    public TaskDeleted deleted(String at) {
        return new TaskDeleted(UUID.randomUUID(), Instant.parse(at), ownerId, taskId, task.version() + 1);
    }

    private TaskUpdated updated(String at, TaskChanges changes, String field) {
        Instant now = Instant.parse(at);
        task = task.apply(changes, now);
        return new TaskUpdated(UUID.randomUUID(), now, ownerId, task, Set.of(field));
    }
}
