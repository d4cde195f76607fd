package io.taskflow.core.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification went out on one channel.
 *
 * @param aggregateId the notification's id
 * @param actorId the user it was sent to
 * @param channel {@code email}, {@code webhook} or {@code in-app}
 * @param causeEventId the event that caused it
 * @param causeType the type of that event
 */
public record NotificationSent(
        UUID eventId,
        Instant occurredAt,
        UUID actorId,
        UUID aggregateId,
        String channel,
        UUID causeEventId,
        EventType causeType)
        implements DomainEvent {
    @Override
    public long version() {
        return 1;
    }

    @Override
    public EventType type() {
        return EventType.NOTIFICATION_SENT;
    }
}
