package io.taskflow.functions.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.task.ChangeTask;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.testing.Owners;
import io.taskflow.functions.testing.TestContexts;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep on H2: the database's clock decides what is due, and each reminder fires once. */
class ReminderSweepTest {
    private ApplicationContext context;
    private ReminderSweep sweep;
    private CreateTask create;
    private ChangeTask change;
    private UUID owner;

    @BeforeEach
    void start() {
        // Batches of two: every test with more than one reminder also crosses batch boundaries.
        context = TestContexts.start(Map.of("taskflow.reminders.batch-size", 2));
        sweep = context.getBean(ReminderSweep.class);
        create = context.getBean(CreateTask.class);
        change = context.getBean(ChangeTask.class);
        owner = Owners.insert(context);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private Task remindedAt(Instant remindAt) {
        return create.create(
                owner,
                TaskFixtures.details()
                        .title("Call the dentist")
                        .remindAt(remindAt)
                        .build());
    }

    private static Instant ago(Duration duration) {
        return Instant.now().minus(duration).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aDueReminderFiresOnceAsOneReminderTriggeredInTheOutbox() {
        Task task = remindedAt(ago(Duration.ofMinutes(1)));

        int first = sweep.sweep();
        int second = sweep.sweep();

        assertThat(first).isOne();
        assertThat(second).isZero();
        assertThat(reminders()).singleElement().satisfies(r -> {
            assertThat(r.taskId()).isEqualTo(task.id());
            assertThat(r.data())
                    .containsEntry("taskId", task.id().toString())
                    .containsEntry("userId", owner.toString())
                    .containsEntry("version", 1)
                    .containsEntry("remindAt", task.details().remindAt().toString())
                    .containsEntry("title", "Call the dentist");
        });
    }

    @Test
    void aSweepAfterDowntimeCatchesUpOnEveryMissedReminderAndLeavesTheFutureOnes() {
        var missed = new ArrayList<UUID>();
        for (Duration late : List.of(
                Duration.ofDays(3),
                Duration.ofHours(5),
                Duration.ofMinutes(30),
                Duration.ofMinutes(2),
                Duration.ofSeconds(5))) {
            missed.add(remindedAt(ago(late)).id());
        }
        Task ahead = remindedAt(Instant.now().plus(Duration.ofHours(1)));

        int fired = sweep.sweep();

        assertThat(fired).isEqualTo(5);
        assertThat(reminders()).extracting(Reminder::taskId).containsExactlyInAnyOrderElementsOf(missed);
        assertThat(reminders()).extracting(Reminder::taskId).doesNotContain(ahead.id());
    }

    @Test
    void aMovedReminderFiresAgainWhileAnEditThatLeavesItAloneDoesNot() {
        Task task = remindedAt(ago(Duration.ofMinutes(10)));
        sweep.sweep();

        change.update(owner, task.id(), null, changes(Patch.set("Call the dentist today"), Patch.keep()));
        int afterRename = sweep.sweep();
        Instant moved = ago(Duration.ofMinutes(1));
        change.update(owner, task.id(), null, changes(Patch.keep(), Patch.set(moved)));
        int afterMove = sweep.sweep();

        assertThat(afterRename).isZero();
        assertThat(afterMove).isOne();
        assertThat(reminders())
                .extracting(r -> r.data().get("remindAt"))
                .containsExactly(task.details().remindAt().toString(), moved.toString());
    }

    @Test
    void aReminderMovedIntoTheFutureWaitsForItsNewTime() {
        Task task = remindedAt(ago(Duration.ofMinutes(10)));
        sweep.sweep();

        change.update(
                owner,
                task.id(),
                null,
                changes(Patch.keep(), Patch.set(Instant.now().plus(Duration.ofHours(1)))));

        assertThat(sweep.sweep()).isZero();
        assertThat(reminders()).hasSize(1);
    }

    @Test
    void theRemindersOfCompletedAndDeletedTasksNeverFire() {
        Task completed = remindedAt(ago(Duration.ofMinutes(1)));
        Task deleted = remindedAt(ago(Duration.ofMinutes(1)));
        change.complete(owner, completed.id(), null);
        change.delete(owner, deleted.id(), null);

        assertThat(sweep.sweep()).isZero();
        assertThat(reminders()).isEmpty();
    }

    private static TaskChanges changes(Patch<String> title, Patch<Instant> remindAt) {
        return new TaskChanges(title, null, null, null, null, remindAt, null, null);
    }

    record Reminder(UUID taskId, Map<String, Object> data) {}

    /** The reminder.triggered rows of the outbox, oldest first. */
    @SuppressWarnings("unchecked")
    private List<Reminder> reminders() {
        var jdbc = context.getBean(JdbcOperations.class);
        var json = context.getBean(JsonMapper.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT subject, data FROM outbox WHERE event_type = 'reminder.triggered' ORDER BY id", ps -> {
                    var rows = new ArrayList<Reminder>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            try {
                                rows.add(new Reminder(
                                        UUID.fromString(rs.getString("subject")),
                                        json.readValue(rs.getString("data"), Map.class)));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                    return rows;
                }));
    }
}
