package io.taskflow.core.event;

import io.taskflow.core.user.User;
import java.time.Instant;
import java.util.UUID;

public record UserAuthenticated(UUID eventId, Instant occurredAt, User user) implements UserEvent {
    @Override
    public EventType type() {
        return EventType.USER_AUTHENTICATED;
    }
}
