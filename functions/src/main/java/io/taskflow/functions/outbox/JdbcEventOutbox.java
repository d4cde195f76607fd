package io.taskflow.functions.outbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventData;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.event.EventValidator;
import io.taskflow.functions.tracing.W3cTraceContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Appends each event as an outbox row in the caller's transaction, after checking its data against the schema.
 * {@code MANDATORY}: an event written outside a transaction could outlive a rolled-back change. The row keeps the
 * correlation id and the trace context of the work that wrote it (the HTTP request, or the consumer that reacted to
 * another event), which travel with the event as its CloudEvents extensions.
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcEventOutbox implements EventOutbox {
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final EventValidator validator;
    private final CorrelationIds correlation;
    private final TimeSource time;
    private final ApplicationEventPublisher<OutboxAppended> appended;
    private final String source;

    JdbcEventOutbox(
            JdbcOperations jdbc,
            JsonMapper json,
            EventValidator validator,
            CorrelationIds correlation,
            TimeSource time,
            ApplicationEventPublisher<OutboxAppended> appended,
            @Value("${taskflow.event-source:/taskflow/api}") String source) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.correlation = correlation;
        this.time = time;
        this.appended = appended;
        this.source = source;
    }

    @Override
    public void append(List<? extends DomainEvent> events) {
        String correlationId = correlation.current();
        W3cTraceContext trace = W3cTraceContext.current().orElse(null);
        var now = time.now();
        jdbc.prepareStatement(
                "INSERT INTO outbox (event_id, event_type, source, subject, occurred_at, data_schema, correlation_id,"
                        + " traceparent, tracestate, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    for (DomainEvent event : events) {
                        byte[] data = serialise(event);
                        validator.checkOutgoing(event.type(), data);
                        ps.setObject(1, event.eventId());
                        ps.setString(2, event.type().typeName());
                        ps.setString(3, source);
                        ps.setString(4, event.aggregateId().toString());
                        ps.setObject(5, event.occurredAt().atOffset(java.time.ZoneOffset.UTC));
                        ps.setString(6, event.type().dataSchema(event.type().schemaVersion()));
                        ps.setString(7, correlationId);
                        ps.setString(8, trace == null ? null : trace.traceparent());
                        ps.setString(9, trace == null ? null : trace.tracestate());
                        ps.setString(10, new String(data, StandardCharsets.UTF_8));
                        ps.setObject(11, now.atOffset(java.time.ZoneOffset.UTC));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
        appended.publishEvent(new OutboxAppended(events.size()));
    }

    private byte[] serialise(DomainEvent event) {
        try {
            return json.writeValueAsBytes(EventData.of(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
