package io.taskflow.core.event;

import java.time.Instant;
import java.util.UUID;

/** Something that happened to an aggregate. Every event names its own id, the aggregate, the actor and the version. */
public sealed interface DomainEvent
        permits TaskSnapshotEvent, TaskDeleted, UserEvent, NotificationSent, ReminderTriggered {

    UUID eventId();

    Instant occurredAt();

    /** The user on whose behalf it happened. */
    UUID actorId();

    UUID aggregateId();

    /** The aggregate's version after the event. */
    long version();

    EventType type();
}
