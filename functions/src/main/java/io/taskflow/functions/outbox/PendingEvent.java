package io.taskflow.functions.outbox;

import io.taskflow.core.event.EventEnvelope;

/** An outbox row waiting to be published: its position in the outbox and the event it holds. */
public record PendingEvent(long position, EventEnvelope envelope) {}
