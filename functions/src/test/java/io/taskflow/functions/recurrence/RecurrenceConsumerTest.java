package io.taskflow.functions.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.task.ChangeTask;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.task.TaskStatus;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.consumer.RecordingDeadLetters;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.Owners;
import io.taskflow.functions.testing.TestContexts;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recurrence consumer run the way every runtime runs it: through the processor, with its inbox, on H2. */
class RecurrenceConsumerTest {
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private ApplicationContext context;
    private ConsumerProcessor processor;
    private EventConsumer recurrence;
    private CreateTask create;
    private ChangeTask change;
    private UUID owner;

    @BeforeEach
    void start() {
        context = TestContexts.start(Map.of(), deadLetters);
        processor = context.getBean(ConsumerProcessor.class);
        recurrence = context.getBeansOfType(EventConsumer.class).stream()
                .filter(c -> c.name().equals("recurrence"))
                .findFirst()
                .orElseThrow();
        create = context.getBean(CreateTask.class);
        change = context.getBean(ChangeTask.class);
        owner = Owners.insert(context);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private Task recurring(String rule) {
        return create.create(
                owner,
                TaskFixtures.details()
                        .title("Pay the rent")
                        .description("Standing order failed twice")
                        .tags("home", "money")
                        .dueAt("2030-01-31T09:00:00Z")
                        .remindAt("2030-01-30T18:00:00Z")
                        .recurrence(rule)
                        .build());
    }

    private EventEnvelope completion(Task task) {
        Task completed = change.complete(owner, task.id(), null);
        return Envelopes.of(new TaskCompleted(UUID.randomUUID(), completed.updatedAt(), owner, completed));
    }

    private BatchOutcome deliver(EventEnvelope event) {
        return processor.process(recurrence, List.of(Delivery.first(event)));
    }

    @Test
    void aCompletedRecurringTaskGetsItsNextOccurrenceWithATaskCreatedInTheOutbox() {
        Task rent = recurring("FREQ=MONTHLY;COUNT=12");

        BatchOutcome outcome = deliver(completion(rent));

        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.succeeded()).hasSize(1);
        assertThat(othersThan(rent)).singleElement().satisfies(next -> {
            assertThat(next.status()).isEqualTo(TaskStatus.OPEN);
            assertThat(next.details().title()).isEqualTo("Pay the rent");
            assertThat(next.details().description()).isEqualTo("Standing order failed twice");
            assertThat(next.details().tags()).containsExactly("home", "money");
            assertThat(next.details().dueAt()).isEqualTo(Instant.parse("2030-03-31T09:00:00Z"));
            assertThat(next.details().remindAt()).isEqualTo(Instant.parse("2030-03-30T18:00:00Z"));
            assertThat(next.details().recurrence()).hasToString("FREQ=MONTHLY;COUNT=11");
            assertThat(createdEventsFor(next.id())).isOne();
        });
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void theSameCompletionDeliveredTwiceCreatesOneOccurrence() {
        Task rent = recurring("FREQ=MONTHLY");
        EventEnvelope completed = completion(rent);

        deliver(completed);
        BatchOutcome again = deliver(completed);

        assertThat(again.succeeded()).hasSize(1);
        assertThat(othersThan(rent)).hasSize(1);
        assertThat(createdEventsFor(othersThan(rent).get(0).id())).isOne();
    }

    @Test
    void aTaskReopenedAndCompletedAgainStillHasOneNextOccurrence() {
        Task rent = recurring("FREQ=MONTHLY");
        deliver(completion(rent));
        change.update(
                owner,
                rent.id(),
                null,
                new TaskChanges(null, null, null, Patch.set(TaskStatus.OPEN), null, null, null, null));

        BatchOutcome second = deliver(completion(rent));

        assertThat(second.succeeded()).hasSize(1);
        assertThat(othersThan(rent)).hasSize(1);
    }

    @Test
    void theLastOccurrenceOfACountedSeriesHasNoSuccessor() {
        Task last = recurring("FREQ=MONTHLY;COUNT=1");

        assertThat(deliver(completion(last)).succeeded()).hasSize(1);
        assertThat(othersThan(last)).isEmpty();
    }

    @Test
    void aCompletedTaskDeletedBeforeItsCompletionIsConsumedStillContinuesItsSeries() {
        Task rent = recurring("FREQ=MONTHLY");
        EventEnvelope completed = completion(rent);
        change.delete(owner, rent.id(), null);

        deliver(completed);

        assertThat(othersThan(rent)).hasSize(1);
    }

    /** The owner's tasks other than {@code task}. */
    private List<Task> othersThan(Task task) {
        var store = context.getBean(TaskStore.class);
        var ids = query("SELECT id FROM tasks WHERE owner_id = ? AND id <> ?", owner, task.id());
        return ids.stream()
                .map(id -> store.find(owner, UUID.fromString(id)).orElseThrow())
                .toList();
    }

    private int createdEventsFor(UUID taskId) {
        return query("SELECT event_id FROM outbox WHERE event_type = 'task.created' AND subject = ?", taskId.toString())
                .size();
    }

    @SuppressWarnings("unchecked")
    private List<String> query(String sql, Object... params) {
        var jdbc = context.getBean(JdbcOperations.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            var rows = new ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }));
    }
}
