package io.taskflow.core.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A task's reminder time came.
 *
 * @param aggregateId the task's id
 * @param actorId the task's owner
 * @param version the task's version the reminder was read from
 */
public record ReminderTriggered(
        UUID eventId, Instant occurredAt, UUID actorId, UUID aggregateId, long version, Instant remindAt, String title)
        implements DomainEvent {
    @Override
    public EventType type() {
        return EventType.REMINDER_TRIGGERED;
    }
}
