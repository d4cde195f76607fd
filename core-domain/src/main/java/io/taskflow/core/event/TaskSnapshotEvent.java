package io.taskflow.core.event;

import io.taskflow.core.task.Task;
import java.util.UUID;

/** An event that carries the task as it is after the change: its id and version are the task's. */
public sealed interface TaskSnapshotEvent extends DomainEvent permits TaskCreated, TaskUpdated, TaskCompleted {

    Task task();

    @Override
    default UUID aggregateId() {
        return task().id();
    }

    @Override
    default long version() {
        return task().version();
    }
}
