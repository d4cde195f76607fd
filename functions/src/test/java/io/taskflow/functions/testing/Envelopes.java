package io.taskflow.functions.testing;

import io.micronaut.serde.ObjectMapper;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventData;
import io.taskflow.core.event.EventEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Envelopes as the outbox writes them, for handler tests that feed events without a broker. */
public final class Envelopes {
    private Envelopes() {}

    public static EventEnvelope of(DomainEvent event) {
        String aggregate = event.aggregateId().toString();
        return new EventEnvelope(
                event.eventId().toString(),
                "/taskflow/test",
                event.type().typeName(),
                aggregate,
                event.occurredAt(),
                event.type().dataSchema(event.type().schemaVersion()),
                aggregate,
                "corr-test",
                null,
                null,
                json(event));
    }

    /** The same event with other data: for events that break their schema. */
    public static EventEnvelope withData(EventEnvelope envelope, byte[] data) {
        return new EventEnvelope(
                envelope.id(),
                envelope.source(),
                envelope.type(),
                envelope.subject(),
                envelope.time(),
                envelope.dataSchema(),
                envelope.partitionKey(),
                envelope.correlationId(),
                envelope.traceparent(),
                envelope.tracestate(),
                data);
    }

    /** The same event written under another trace context, as the outbox does inside a traced request. */
    public static EventEnvelope withTrace(EventEnvelope envelope, String traceparent, String tracestate) {
        return new EventEnvelope(
                envelope.id(),
                envelope.source(),
                envelope.type(),
                envelope.subject(),
                envelope.time(),
                envelope.dataSchema(),
                envelope.partitionKey(),
                envelope.correlationId(),
                traceparent,
                tracestate,
                envelope.data());
    }

    private static byte[] json(DomainEvent event) {
        try {
            return ObjectMapper.getDefault().writeValueAsBytes(EventData.of(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
