package io.taskflow.adapters.localkafka.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventData;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.DeadLetter;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.consumer.Inbox;
import io.taskflow.functions.consumer.ReceivedEvents;
import io.taskflow.functions.consumer.RetryPolicy;
import io.taskflow.functions.tracing.EventSpans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers events to a running application's consumers the way a broker trigger would, through the shared {@link
 * ConsumerProcessor}: the outbox rows the API wrote, or events made up by a test. Dead letters are kept in memory.
 */
public final class ConsumerFeed {
    private final ConsumerProcessor processor;
    private final JsonMapper json;
    public final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    public ConsumerFeed(ApplicationContext context) {
        this.json = context.getBean(JsonMapper.class);
        this.processor = new ConsumerProcessor(
                context.getBean(Transactions.class),
                context.getBean(Inbox.class),
                context.getBean(ReceivedEvents.class),
                deadLetters::add,
                context.getBean(RetryPolicy.class),
                context.getBean(TimeSource.class),
                context.getBean(MeterRegistry.class),
                context.getBean(EventSpans.class),
                true);
    }

    /** Delivers the events once, in order; fails when any of them did not succeed. */
    public BatchOutcome deliver(EventConsumer consumer, List<EventEnvelope> events) {
        BatchOutcome outcome =
                processor.process(consumer, events.stream().map(Delivery::first).toList());
        if (!outcome.settled() || !outcome.deadLettered().isEmpty()) {
            throw new IllegalStateException(consumer.name() + " did not take every event: " + outcome);
        }
        return outcome;
    }

    /** The events the outbox holds about these aggregates, in the order they were written. */
    public List<EventEnvelope> outboxEventsAbout(Object... subjects) throws SQLException {
        var envelopes = new ArrayList<EventEnvelope>();
        try (var c = TestStack.get().openDatabase()) {
            for (Object subject : subjects) {
                try (var ps = c.prepareStatement("SELECT id, event_id, event_type, source, subject, occurred_at,"
                        + " data_schema, correlation_id, data FROM outbox WHERE subject = ? ORDER BY id")) {
                    ps.setString(1, subject.toString());
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            envelopes.add(new EventEnvelope(
                                    rs.getObject("event_id", UUID.class).toString(),
                                    rs.getString("source"),
                                    rs.getString("event_type"),
                                    rs.getString("subject"),
                                    rs.getObject("occurred_at", OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getString("data_schema"),
                                    rs.getString("subject"),
                                    rs.getString("correlation_id"),
                                    null,
                                    null,
                                    rs.getString("data").getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
        }
        return envelopes;
    }

    /** An event made up by a test, in the envelope the outbox would have written for it. */
    public EventEnvelope envelope(DomainEvent event) {
        String aggregate = event.aggregateId().toString();
        try {
            return new EventEnvelope(
                    event.eventId().toString(),
                    "/taskflow/api",
                    event.type().typeName(),
                    aggregate,
                    event.occurredAt(),
                    event.type().dataSchema(event.type().schemaVersion()),
                    aggregate,
                    null,
                    null,
                    null,
                    json.writeValueAsBytes(EventData.of(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
