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
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.TestContexts;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumerProcessorTest {
    private static final UUID OWNER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private ApplicationContext context;
    private ConsumerProcessor processor;
    private JdbcOperations jdbc;
    private TransactionOperations<Connection> tx;
    private TestConsumer consumer;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        context = TestContexts.start(
                Map.of(
                        "taskflow.consumers.retry.max-attempts", 3,
                        "taskflow.consumers.retry.initial-backoff", "10ms",
                        "taskflow.consumers.retry.max-backoff", "40ms"),
                deadLetters);
        processor = context.getBean(ConsumerProcessor.class);
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(s -> jdbc.prepareStatement(
                "CREATE TABLE effects (event_id VARCHAR(64) NOT NULL)", java.sql.PreparedStatement::execute));
        consumer = new TestConsumer();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void theFirstDeliveryHasItsEffectAndARedeliveryHasNoneButStillSucceeds() {
        EventEnvelope event = created(UUID.randomUUID());

        BatchOutcome first = processor.process(consumer, List.of(Delivery.first(event)));
        BatchOutcome again = processor.process(consumer, List.of(Delivery.first(event)));

        assertThat(first.succeeded()).containsExactly(event);
        assertThat(again.succeeded()).containsExactly(event);
        assertThat(effects()).containsExactly(event.id());
        assertThat(consumer.afterCommits).containsExactly(event.id(), event.id());
    }

    @Test
    void aFailedEffectIsRolledBackWithItsInboxRowSoTheRetryHasItOnce() {
        EventEnvelope event = created(UUID.randomUUID());
        consumer.failures.put(event.id(), 1);

        BatchOutcome first = processor.process(consumer, List.of(Delivery.first(event)));
        BatchOutcome retried = processor.process(consumer, List.of(new Delivery(event, 2)));

        assertThat(first.retryIds()).containsExactly(event.id());
        assertThat(retried.succeeded()).containsExactly(event);
        assertThat(effects()).containsExactly(event.id());
    }

    @Test
    void aFailingEventHoldsBackLaterEventsOfItsKeyWhileOtherKeysGoOn() {
        UUID taskA = UUID.randomUUID();
        UUID taskB = UUID.randomUUID();
        EventEnvelope a1 = created(taskA);
        EventEnvelope b1 = created(taskB);
        EventEnvelope a2 = deleted(taskA);
        consumer.failures.put(a1.id(), Integer.MAX_VALUE);

        BatchOutcome outcome = processor.process(
                consumer, List.of(a1, b1, a2).stream().map(Delivery::first).toList());

        assertThat(outcome.succeeded()).containsExactly(b1);
        assertThat(outcome.retry())
                .extracting(r -> r.delivery().event().id(), BatchOutcome.Retry::heldBack)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a1.id(), false),
                        org.assertj.core.groups.Tuple.tuple(a2.id(), true));
        assertThat(consumer.handled).containsExactly(b1.id());
        assertThat(effects()).containsExactly(b1.id());
    }

    @Test
    void aBatchThatFailsAfterSomeEffectsCommitsNoneOfThemTwice() {
        EventEnvelope good = created(UUID.randomUUID());
        EventEnvelope bad = created(UUID.randomUUID());
        consumer.failures.put(bad.id(), Integer.MAX_VALUE);

        BatchOutcome outcome = processor.process(consumer, List.of(Delivery.first(good), Delivery.first(bad)));

        assertThat(outcome.succeeded()).containsExactly(good);
        assertThat(outcome.retryIds()).containsExactly(bad.id());
        assertThat(effects())
                .as("the batch's shared transaction was rolled back")
                .containsExactly(good.id());
    }

    @Test
    void aBatchOfGoodEventsHasEachEffectOnceAndRunsEveryAfterCommit() {
        List<EventEnvelope> events =
                List.of(created(UUID.randomUUID()), created(UUID.randomUUID()), created(UUID.randomUUID()));

        BatchOutcome outcome =
                processor.process(consumer, events.stream().map(Delivery::first).toList());
        BatchOutcome again =
                processor.process(consumer, events.stream().map(Delivery::first).toList());

        assertThat(outcome.succeeded()).containsExactlyElementsOf(events);
        assertThat(again.succeeded()).containsExactlyElementsOf(events);
        assertThat(effects())
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(EventEnvelope::id).toList());
        assertThat(consumer.afterCommits).hasSize(6);
    }

    @Test
    void settlingRetriesATransientFailureWithBackoffAndKeepsTheKeysOrder() {
        UUID task = UUID.randomUUID();
        EventEnvelope first = created(task);
        EventEnvelope second = deleted(task);
        consumer.failures.put(first.id(), 2);

        BatchOutcome outcome =
                processor.settle(consumer, List.of(Delivery.first(first), Delivery.first(second)), sleeps::add);

        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.succeeded()).containsExactly(first, second);
        assertThat(consumer.handled).containsExactly(first.id(), second.id());
        assertThat(sleeps)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(5), Duration.ofMillis(40)));
    }

    @Test
    void anEventThatFailsEveryAttemptIsDeadLetteredAfterTheLastAndTheRestOfItsKeyThenFlows() {
        UUID task = UUID.randomUUID();
        EventEnvelope poison = created(task);
        EventEnvelope next = deleted(task);
        consumer.failures.put(poison.id(), Integer.MAX_VALUE);

        BatchOutcome outcome =
                processor.settle(consumer, List.of(Delivery.first(poison), Delivery.first(next)), sleeps::add);

        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.succeeded()).containsExactly(next);
        assertThat(outcome.deadLettered()).singleElement().satisfies(letter -> {
            assertThat(letter.consumer()).isEqualTo("test-effects");
            assertThat(letter.event()).isEqualTo(poison);
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.permanent()).isFalse();
            assertThat(letter.error()).contains("IllegalStateException").contains("boom");
        });
        assertThat(deadLetters.letters).hasSize(1);
        assertThat(effects()).containsExactly(next.id());
    }

    @Test
    void anEventThatBreaksItsSchemaIsDeadLetteredAtOnceWithoutRetrying() {
        EventEnvelope broken =
                Envelopes.withData(created(UUID.randomUUID()), "{\"title\":42}".getBytes(StandardCharsets.UTF_8));

        BatchOutcome outcome = processor.settle(consumer, List.of(Delivery.first(broken)), sleeps::add);

        assertThat(outcome.deadLettered()).singleElement().satisfies(letter -> {
            assertThat(letter.permanent()).isTrue();
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.error()).contains(broken.id());
        });
        assertThat(sleeps).isEmpty();
        assertThat(consumer.handled).isEmpty();
    }

    @Test
    void whenTheDeadLetterCannotBeStoredTheEventStaysToBeDeliveredAgainAndHoldsBackItsKey() {
        UUID task = UUID.randomUUID();
        EventEnvelope poison = created(task);
        EventEnvelope next = deleted(task);
        consumer.failures.put(poison.id(), Integer.MAX_VALUE);
        deadLetters.down = true;

        BatchOutcome outcome =
                processor.settle(consumer, List.of(Delivery.first(poison), Delivery.first(next)), sleeps::add);

        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.retryIds()).containsExactly(poison.id(), next.id());
        assertThat(effects()).isEmpty();
    }

    @Test
    void whileTheDatabaseIsAwayNothingIsDeadLetteredAndTheBatchWaitsWithoutCountingAttempts() {
        UUID task = UUID.randomUUID();
        EventEnvelope first = created(task);
        EventEnvelope second = created(UUID.randomUUID());
        consumer.failures.put(first.id(), Integer.MAX_VALUE);
        consumer.failure = () -> new IllegalStateException(
                "could not begin", new java.sql.SQLTransientConnectionException("Connection is not available"));

        BatchOutcome outcome =
                processor.settle(consumer, List.of(Delivery.first(first), Delivery.first(second)), sleeps::add);

        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.databaseAway()).isTrue();
        assertThat(outcome.retry())
                .extracting(r -> r.delivery().attempt())
                .as("no attempt was counted")
                .containsExactly(1, 1);
        assertThat(outcome.retryIds()).containsExactly(first.id(), second.id());
        assertThat(deadLetters.letters).isEmpty();
        assertThat(sleeps).as("the runtime waits, not the retry loop").isEmpty();
        assertThat(consumer.handled)
                .as("later events are not tried against an absent database")
                .isEmpty();
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotListenToSucceedsWithoutEffect() {
        var other = new TestConsumer(Set.of(EventType.TASK_DELETED));
        EventEnvelope event = created(UUID.randomUUID());

        BatchOutcome outcome = processor.process(other, List.of(Delivery.first(event)));

        assertThat(outcome.succeeded()).containsExactly(event);
        assertThat(other.handled).isEmpty();
    }

    @Test
    void aStatelessConsumerSkipsAnEventItFailsOnInsteadOfRetryingOrDeadLetteringIt() {
        EventEnvelope event = created(UUID.randomUUID());
        var forwarder = new TestConsumer() {
            @Override
            public boolean stateless() {
                return true;
            }
        };
        forwarder.failures.put(event.id(), Integer.MAX_VALUE);

        BatchOutcome outcome = processor.settle(forwarder, List.of(Delivery.first(event)), sleeps::add);

        assertThat(outcome.succeeded()).containsExactly(event);
        assertThat(deadLetters.letters).isEmpty();
        assertThat(sleeps).isEmpty();
    }

    private List<String> effects() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT event_id FROM effects", ps -> {
            var ids = new ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }));
    }

    private static EventEnvelope created(UUID task) {
        return Envelopes.of(new TaskCreated(
                UUID.randomUUID(), NOW, OWNER, Task.create(task, OWNER, TaskFixtures.minimalDetails(), NOW)));
    }

    private static EventEnvelope deleted(UUID task) {
        return Envelopes.of(new TaskDeleted(UUID.randomUUID(), NOW, OWNER, task, 2));
    }

    /** Writes one row per event in the handler's transaction; fails an event as many times as it is told to. */
    private class TestConsumer implements EventConsumer {
        final Map<String, Integer> failures = new ConcurrentHashMap<>();
        final List<String> handled = new CopyOnWriteArrayList<>();
        final List<String> afterCommits = new CopyOnWriteArrayList<>();
        java.util.function.Supplier<RuntimeException> failure = () -> new IllegalStateException("boom");
        private final Set<EventType> types;

        TestConsumer() {
            this(Set.of(EventType.TASK_CREATED, EventType.TASK_DELETED));
        }

        TestConsumer(Set<EventType> types) {
            this.types = types;
        }

        @Override
        public String name() {
            return "test-effects";
        }

        @Override
        public Set<EventType> types() {
            return types;
        }

        @Override
        public void handle(DomainEvent event, EventEnvelope envelope) {
            jdbc.prepareStatement("INSERT INTO effects (event_id) VALUES (?)", ps -> {
                ps.setString(1, envelope.id());
                return ps.executeUpdate();
            });
            int left = failures.getOrDefault(envelope.id(), 0);
            if (left > 0) {
                failures.put(envelope.id(), left == Integer.MAX_VALUE ? left : left - 1);
                throw failure.get();
            }
            handled.add(envelope.id());
        }

        @Override
        public void afterCommit(DomainEvent event, EventEnvelope envelope) {
            afterCommits.add(envelope.id());
        }
    }
}
