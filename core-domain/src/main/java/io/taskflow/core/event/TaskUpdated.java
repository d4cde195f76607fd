package io.taskflow.core.event;

import io.taskflow.core.task.Task;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** @param changedFields names of the fields that differ from the previous version */
public record TaskUpdated(UUID eventId, Instant occurredAt, UUID actorId, Task task, Set<String> changedFields)
        implements TaskSnapshotEvent {
    public TaskUpdated {
        changedFields = Set.copyOf(changedFields);
    }

    @Override
    public EventType type() {
        return EventType.TASK_UPDATED;
    }
}
