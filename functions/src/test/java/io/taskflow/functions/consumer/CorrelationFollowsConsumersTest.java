package io.taskflow.functions.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.TestContexts;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An event a consumer writes carries the correlation id of the event it was handling, alone or in a batch. */
class CorrelationFollowsConsumersTest {
    private static final UUID OWNER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private ApplicationContext context;

    @BeforeEach
    void start() {
        context = TestContexts.start(Map.of(), new RecordingDeadLetters());
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @ParameterizedTest(name = "batch of {0}")
    @ValueSource(ints = {1, 3})
    void theEventsAConsumerWritesKeepTheCorrelationIdOfWhatItHandled(int size) {
        EventOutbox outbox = context.getBean(EventOutbox.class);
        var writer = new EventConsumer() {
            @Override
            public String name() {
                return "writer";
            }

            @Override
            public Set<EventType> types() {
                return Set.of(EventType.TASK_CREATED);
            }

            @Override
            public void handle(DomainEvent event, EventEnvelope envelope) {
                outbox.append(new TaskDeleted(UUID.randomUUID(), NOW, OWNER, event.aggregateId(), 2));
            }
        };
        List<Delivery> batch = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> Delivery.first(Envelopes.of(new TaskCreated(
                        UUID.randomUUID(),
                        NOW,
                        OWNER,
                        Task.create(UUID.randomUUID(), OWNER, TaskFixtures.minimalDetails(), NOW)))))
                .toList();

        BatchOutcome outcome = context.getBean(ConsumerProcessor.class).process(writer, batch);

        assertThat(outcome.succeeded()).hasSize(size);
        assertThat(correlationIdsOfDeletions()).hasSize(size).containsOnly("corr-test");
    }

    private List<String> correlationIdsOfDeletions() {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(s ->
                jdbc.prepareStatement("SELECT correlation_id FROM outbox WHERE event_type = 'task.deleted'", ps -> {
                    var ids = new java.util.ArrayList<String>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                }));
    }
}
