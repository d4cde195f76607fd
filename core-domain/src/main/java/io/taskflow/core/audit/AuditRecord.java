package io.taskflow.core.audit;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What the audit trail keeps of one event. Times are cut to microseconds, the precision the databases store, so a
 * record read back hashes exactly as the one written.
 *
 * @param type the event type's name, kept as text: a verifier must be able to read any row, even a forged one
 * @param subject the aggregate the event is about: a task, a user, a notification
 * @param userId the user on whose behalf it happened (a task's owner, the registered user, a notification's recipient)
 * @param recordedAt when the audit trail appended it
 * @param source the CloudEvents source of the component that wrote the event
 * @param data the event's JSON data exactly as it travelled
 */
public record AuditRecord(
        UUID eventId,
        String type,
        UUID subject,
        UUID userId,
        Instant occurredAt,
        Instant recordedAt,
        String source,
        String data) {

    public AuditRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        recordedAt = Objects.requireNonNull(recordedAt, "recordedAt").truncatedTo(ChronoUnit.MICROS);
    }

    public static AuditRecord of(DomainEvent event, EventEnvelope envelope, Instant recordedAt) {
        return new AuditRecord(
                event.eventId(),
                event.type().typeName(),
                event.aggregateId(),
                event.actorId(),
                event.occurredAt(),
                recordedAt,
                envelope.source(),
                new String(envelope.data(), StandardCharsets.UTF_8));
    }
}
