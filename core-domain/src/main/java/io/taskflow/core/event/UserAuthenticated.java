package io.taskflow.core.event;

import io.taskflow.core.user.User;
import java.time.Instant;
import java.util.UUID;

public record UserAuthenticated(UUID eventId, Instant occurredAt, User user) implements DomainEvent {
    @Override
    public UUID actorId() {
        return user.id();
    }

    @Override
    public UUID aggregateId() {
        return user.id();
    }

    @Override
    public long version() {
        return user.version();
    }

    @Override
    public EventType type() {
        return EventType.USER_AUTHENTICATED;
    }
}
