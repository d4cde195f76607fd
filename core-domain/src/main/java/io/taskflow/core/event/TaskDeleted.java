package io.taskflow.core.event;

import java.time.Instant;
import java.util.UUID;

/** @param version the version the task would have had after the deletion */
public record TaskDeleted(UUID eventId, Instant occurredAt, UUID actorId, UUID aggregateId, long version)
        implements DomainEvent {
    @Override
    public EventType type() {
        return EventType.TASK_DELETED;
    }
}
