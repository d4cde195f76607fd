package io.taskflow.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.EventType;
import io.taskflow.core.event.ReminderTriggered;
import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.testing.InMemoryCore;
import io.taskflow.core.testing.TaskFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TriggerRemindersTest {
    private static final UUID OWNER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");

    private final InMemoryCore core = new InMemoryCore();
    private final TriggerReminders trigger = core.triggerReminders();

    private Task taskRemindedIn(Duration fromNow) {
        Task task = core.createTask()
                .create(
                        OWNER,
                        TaskFixtures.details()
                                .title("Call the dentist")
                                .remindAt(core.clock().now().plus(fromNow))
                                .build());
        core.outbox().clear();
        return task;
    }

    @Test
    void aDueReminderBecomesOneReminderTriggeredCarryingTheTaskAndTheTimeItWasSetFor() {
        Task task = taskRemindedIn(Duration.ofMinutes(10));
        core.clock().advance(Duration.ofMinutes(11));

        var round = trigger.fireDue(10);

        assertThat(round).isEqualTo(new TriggerReminders.Round(1, 1));
        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(ReminderTriggered.class, e -> {
            assertThat(e.type()).isEqualTo(EventType.REMINDER_TRIGGERED);
            assertThat(e.aggregateId()).isEqualTo(task.id());
            assertThat(e.actorId()).isEqualTo(OWNER);
            assertThat(e.version()).isEqualTo(task.version());
            assertThat(e.remindAt()).isEqualTo(task.details().remindAt());
            assertThat(e.title()).isEqualTo("Call the dentist");
            assertThat(e.occurredAt()).isEqualTo(core.clock().now());
        });
    }

    @Test
    void aReminderFiresOnceHoweverOftenTheSweepRuns() {
        taskRemindedIn(Duration.ZERO);

        trigger.fireDue(10);
        var again = trigger.fireDue(10);

        assertThat(again).isEqualTo(new TriggerReminders.Round(0, 0));
        assertThat(core.outbox().eventsOf(ReminderTriggered.class)).hasSize(1);
    }

    @Test
    void aReminderThatIsNotDueYetWaits() {
        taskRemindedIn(Duration.ofMinutes(1));

        assertThat(trigger.fireDue(10).fired()).isZero();
        core.clock().advance(Duration.ofMinutes(1));
        assertThat(trigger.fireDue(10).fired()).isOne();
    }

    @Test
    void aRoundTakesAtMostItsLimitEarliestFirstAndTheNextRoundTheRest() {
        Task late = taskRemindedIn(Duration.ofMinutes(3));
        Task early = taskRemindedIn(Duration.ofMinutes(1));
        Task middle = taskRemindedIn(Duration.ofMinutes(2));
        core.clock().advance(Duration.ofHours(1));

        var first = trigger.fireDue(2);
        var second = trigger.fireDue(2);

        assertThat(first).isEqualTo(new TriggerReminders.Round(2, 2));
        assertThat(second).isEqualTo(new TriggerReminders.Round(1, 1));
        assertThat(core.outbox().eventsOf(ReminderTriggered.class))
                .extracting(ReminderTriggered::aggregateId)
                .containsExactly(early.id(), middle.id(), late.id());
    }

    @Test
    void aMovedReminderFiresAgainAtItsNewTime() {
        Task task = taskRemindedIn(Duration.ZERO);
        trigger.fireDue(10);
        Instant later = core.clock().now().plus(Duration.ofHours(2));
        var move = new TaskChanges(null, null, null, null, null, Patch.set(later), null, null);
        core.changeTask().update(OWNER, task.id(), null, move);

        assertThat(trigger.fireDue(10).fired()).isZero();
        core.clock().set(later);
        assertThat(trigger.fireDue(10).fired()).isOne();
        assertThat(core.outbox().eventsOf(ReminderTriggered.class))
                .extracting(ReminderTriggered::remindAt)
                .containsExactly(task.details().remindAt(), later);
    }

    @Test
    void theReminderOfACompletedTaskNeverFires() {
        Task task = taskRemindedIn(Duration.ofMinutes(5));
        core.changeTask().complete(OWNER, task.id(), null);
        core.outbox().clear();
        core.clock().advance(Duration.ofHours(1));

        assertThat(trigger.fireDue(10)).isEqualTo(new TriggerReminders.Round(0, 0));
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void whenAppendingFailsTheReminderStaysArmed() {
        taskRemindedIn(Duration.ZERO);
        core.outbox().failNextAppend(new IllegalStateException("outbox down"));

        assertThatThrownBy(() -> trigger.fireDue(10)).hasMessageContaining("outbox down");

        assertThat(trigger.fireDue(10).fired()).isOne();
    }

    @Test
    void aRoundOfNothingIsRefused() {
        assertThatThrownBy(() -> trigger.fireDue(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventIsBuiltFromTheReminderAsRead() {
        var reminder = new DueReminder(
                UUID.randomUUID(), OWNER, 7, Instant.parse("2026-03-02T08:00:00Z"), "Renew the passport");
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.parse("2026-03-02T08:00:04Z");

        ReminderTriggered event = reminder.triggered(eventId, now);

        assertThat(event)
                .isEqualTo(new ReminderTriggered(
                        eventId, now, OWNER, reminder.taskId(), 7, reminder.remindAt(), "Renew the passport"));
    }
}
