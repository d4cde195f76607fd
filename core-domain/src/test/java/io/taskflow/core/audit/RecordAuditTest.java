package io.taskflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventData;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.SampleEvents;
import io.taskflow.core.testing.InMemoryAuditLog;
import io.taskflow.core.testing.InMemoryTransactions;
import io.taskflow.core.testing.MutableTimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordAuditTest {
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final MutableTimeSource clock = MutableTimeSource.at("2026-03-02T11:00:00.000001Z");
    private final InMemoryTransactions tx = new InMemoryTransactions(log);
    private final RecordAudit audit = new RecordAudit(tx, log, clock);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventOfEveryTypeBecomesAnEntryWithItsOwnFields(EventType type) {
        DomainEvent event = SampleEvents.of(type, SampleEvents.Variant.FULL);
        EventEnvelope envelope = envelope(event);

        AuditEntry entry = audit.record(event, envelope);

        assertThat(entry.seq()).isEqualTo(1);
        assertThat(entry.record())
                .isEqualTo(new AuditRecord(
                        event.eventId(),
                        type.typeName(),
                        event.aggregateId(),
                        event.actorId(),
                        event.occurredAt(),
                        clock.now(),
                        "/taskflow/api",
                        new String(envelope.data(), StandardCharsets.UTF_8)));
        assertThat(log.entries()).containsExactly(entry);
        assertThat(new AuditVerifier(log).verify().ok()).isTrue();
    }

    @Test
    void eachEventIsAppendedOnceAndLinkedToTheOneBefore() {
        DomainEvent first = SampleEvents.of(EventType.TASK_CREATED, SampleEvents.Variant.FULL);
        DomainEvent second = SampleEvents.of(EventType.TASK_COMPLETED, SampleEvents.Variant.FULL);

        AuditEntry one = audit.record(first, envelope(first));
        clock.advance(Duration.ofSeconds(5));
        AuditEntry two = audit.record(second, envelope(second));
        AuditEntry again = audit.record(first, envelope(first));

        assertThat(again).isNull();
        assertThat(log.entries()).containsExactly(one, two);
        assertThat(two.prevHash()).isEqualTo(one.hash());
        assertThat(two.record().recordedAt()).isEqualTo(Instant.parse("2026-03-02T11:00:05.000001Z"));
        assertThat(log.locks()).as("every append takes the head first").isEqualTo(3);
    }

    @Test
    void aFailedTransactionLeavesTheTrailAsItWas() {
        DomainEvent event = SampleEvents.of(EventType.TASK_DELETED, SampleEvents.Variant.FULL);

        assertThatThrownBy(() -> tx.inTransaction(() -> {
                    audit.record(event, envelope(event));
                    throw new IllegalStateException("the consumer's transaction failed later");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(log.entries()).isEmpty();
        assertThat(log.head()).isEqualTo(ChainHead.GENESIS);
        assertThat(audit.record(event, envelope(event)).seq()).isEqualTo(1);
    }

    static EventEnvelope envelope(DomainEvent event) {
        // Any text will do here: the trail keeps the data exactly as it travelled, whatever its form.
        String json = EventData.of(event).toString();
        return new EventEnvelope(
                event.eventId().toString(),
                "/taskflow/api",
                event.type().typeName(),
                event.aggregateId().toString(),
                event.occurredAt(),
                event.type().dataSchema(1),
                event.aggregateId().toString(),
                null,
                null,
                null,
                json.getBytes(StandardCharsets.UTF_8));
    }
}
