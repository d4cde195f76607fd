package io.taskflow.core.event;

import io.taskflow.core.task.Task;
import java.time.Instant;
import java.util.UUID;

public record TaskCreated(UUID eventId, Instant occurredAt, UUID actorId, Task task) implements TaskSnapshotEvent {
    @Override
    public EventType type() {
        return EventType.TASK_CREATED;
    }
}
