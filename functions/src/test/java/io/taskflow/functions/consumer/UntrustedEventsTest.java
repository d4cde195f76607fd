package io.taskflow.functions.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.ManagePreferences;
import io.taskflow.core.notification.PreferencesChange;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.event.InvalidEventException;
import io.taskflow.functions.livefeed.LiveFeed;
import io.taskflow.functions.livefeed.LiveFeedConsumer;
import io.taskflow.functions.notification.NotificationsConsumer;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.Owners;
import io.taskflow.functions.testing.TestContexts;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consumers treat events as untrusted input: an event that is too large, breaks its schema, or names a user that the
 * task's own record contradicts is refused (dead-lettered as invalid, never retried) and changes nothing.
 */
class UntrustedEventsTest {
    private UUID ada;
    private UUID eve;

    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private ApplicationContext context;
    private ConsumerProcessor processor;
    private JdbcOperations jdbc;
    private TransactionOperations<Connection> tx;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() {
        context = TestContexts.start(Map.of("taskflow.events.max-bytes", 4096), deadLetters);
        processor = context.getBean(ConsumerProcessor.class);
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
        ada = Owners.insert(context);
        eve = Owners.insert(context);
        for (UUID user : List.of(ada, eve)) {
            context.getBean(ManagePreferences.class)
                    .replace(
                            user,
                            new PreferencesChange(
                                    Set.of(EventType.TASK_COMPLETED), Set.of(Channel.IN_APP), null, null, false));
        }
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void givenAnEventClaimingAdasTaskForEveWhenTheNotificationsConsumerReadsItThenEveIsNotToldAndItIsDeadLettered() {
        Task adas = context.getBean(CreateTask.class)
                .create(ada, TaskFixtures.details().title("Ada's secret plan").build());
        var forged = completedFor(eve, adas.id(), "Ada's secret plan");

        BatchOutcome outcome =
                processor.process(context.getBean(NotificationsConsumer.class), List.of(Delivery.first(forged)));

        assertThat(outcome.succeeded()).isEmpty();
        assertThat(outcome.deadLettered()).hasSize(1);
        assertThat(outcome.deadLettered().get(0).error()).contains("does not own task");
        assertThat(count("SELECT COUNT(*) FROM notifications")).isZero();
        assertThat(count("SELECT COUNT(*) FROM inbox")).isZero();
    }

    @Test
    void givenTheSameEventForTheRealOwnerWhenReadThenTheOwnerIsNotified() {
        Task adas = context.getBean(CreateTask.class)
                .create(ada, TaskFixtures.details().title("Ada's plan").build());
        var genuine = completedFor(ada, adas.id(), "Ada's plan");

        BatchOutcome outcome =
                processor.process(context.getBean(NotificationsConsumer.class), List.of(Delivery.first(genuine)));

        assertThat(outcome.succeeded()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM notifications WHERE user_id = '" + ada + "'"))
                .isEqualTo(1);
    }

    @Test
    void givenEveWatchingTheLiveFeedWhenAnEventClaimsAdasTaskForHerThenNothingIsPushedToEve() {
        Task adas = context.getBean(CreateTask.class)
                .create(ada, TaskFixtures.details().title("Ada's secret plan").build());
        var pushedToEve = new CopyOnWriteArrayList<String>();
        var pushedToAda = new CopyOnWriteArrayList<String>();
        context.getBean(LiveFeed.class).subscribe(eve, pushedToEve::add);
        context.getBean(LiveFeed.class).subscribe(ada, pushedToAda::add);
        var feed = context.getBean(LiveFeedConsumer.class);
        var forged = completedFor(eve, adas.id(), "Ada's secret plan");
        var genuine = completedFor(ada, adas.id(), "Ada's secret plan");
        var received = context.getBean(ReceivedEvents.class);

        assertThatThrownBy(() -> feed.handle(received.read(forged), forged)).isInstanceOf(InvalidEventException.class);
        feed.handle(received.read(genuine), genuine);

        assertThat(pushedToEve).isEmpty();
        assertThat(pushedToAda).hasSize(1);
    }

    @Test
    void givenAnEventLargerThanTheLimitWhenReadThenItIsDeadLetteredWithoutBeingParsed() {
        var event = completedFor(ada, UUID.randomUUID(), "x");
        String padded = new String(event.data(), StandardCharsets.UTF_8)
                .replace("\"title\":\"x\"", "\"title\":\"" + "x".repeat(5000) + "\"");
        var large = Envelopes.withData(event, padded.getBytes(StandardCharsets.UTF_8));

        BatchOutcome outcome =
                processor.process(context.getBean(NotificationsConsumer.class), List.of(Delivery.first(large)));

        assertThat(large.data().length).isGreaterThan(4096);
        assertThat(outcome.deadLettered()).hasSize(1);
        assertThat(outcome.deadLettered().get(0).error()).contains("larger than 4096 bytes");
        assertThat(count("SELECT COUNT(*) FROM notifications")).isZero();
    }

    @Test
    void givenAnEventThatBreaksItsSchemaWhenReadThenItIsDeadLetteredAndChangesNothing() {
        var event = completedFor(ada, UUID.randomUUID(), "x");
        var broken = Envelopes.withData(event, "{\"userId\":42}".getBytes(StandardCharsets.UTF_8));

        BatchOutcome outcome =
                processor.process(context.getBean(NotificationsConsumer.class), List.of(Delivery.first(broken)));

        assertThat(outcome.deadLettered()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM notifications")).isZero();
    }

    private static EventEnvelope completedFor(UUID actor, UUID taskId, String title) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var task = Task.create(
                        taskId, actor, TaskFixtures.details().title(title).build(), at.minusSeconds(60))
                .complete(at);
        return Envelopes.of(new TaskCompleted(UUID.randomUUID(), at, actor, task));
    }

    private long count(String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
