package io.taskflow.core.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.task.Priority;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.core.testing.TaskFixtures;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NextOccurrenceTest {
    private static final UUID OWNER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final Instant CREATED = Instant.parse("2026-02-20T08:00:00Z");
    private static final Instant DONE = Instant.parse("2026-03-02T16:45:10.250Z");

    private static Task completed(TaskDetails details) {
        return Task.create(UUID.randomUUID(), OWNER, details, CREATED).complete(DONE);
    }

    @Test
    void theNextOccurrenceKeepsWhatTheUserSaidAndIsDueAtTheNextInstance() {
        var details = TaskFixtures.details()
                .title("Water the plants")
                .description("The ones on the balcony too")
                .priority(Priority.HIGH)
                .tags("home", "weekly")
                .dueAt("2026-03-02T18:00:00Z")
                .recurrence("FREQ=WEEKLY;BYDAY=MO,TH")
                .build();

        TaskDetails next = NextOccurrence.of(completed(details)).orElseThrow();

        assertThat(next.title()).isEqualTo("Water the plants");
        assertThat(next.description()).isEqualTo("The ones on the balcony too");
        assertThat(next.priority()).isEqualTo(Priority.HIGH);
        assertThat(next.tags()).containsExactly("home", "weekly");
        assertThat(next.recurrence()).isEqualTo(details.recurrence());
        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-03-05T18:00:00Z"));
        assertThat(next.remindAt()).isNull();
    }

    @Test
    void theReminderKeepsItsDistanceBeforeTheDueDate() {
        var details = TaskFixtures.details()
                .dueAt("2026-01-31T17:00:00Z")
                .remindAt("2026-01-30T09:30:00Z")
                .recurrence("FREQ=MONTHLY")
                .build();

        TaskDetails next = NextOccurrence.of(completed(details)).orElseThrow();

        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-03-31T17:00:00Z"));
        assertThat(next.remindAt()).isEqualTo(Instant.parse("2026-03-30T09:30:00Z"));
    }

    @Test
    void aCountedSeriesCountsDownAndTheLastOccurrenceHasNoSuccessor() {
        var details = TaskFixtures.details()
                .dueAt("2026-03-02T09:00:00Z")
                .recurrence("FREQ=DAILY;COUNT=2")
                .build();

        TaskDetails last = NextOccurrence.of(completed(details)).orElseThrow();

        assertThat(last.recurrence()).hasToString("FREQ=DAILY;COUNT=1");
        assertThat(NextOccurrence.of(completed(last))).isEmpty();
    }

    @Test
    void aSeriesPastItsUntilHasNoSuccessor() {
        var details = TaskFixtures.details()
                .dueAt("2026-03-02T09:00:00Z")
                .recurrence("FREQ=WEEKLY;UNTIL=20260308T235959Z")
                .build();

        assertThat(NextOccurrence.of(completed(details))).isEmpty();
    }

    @Test
    void aTaskThatDoesNotRecurHasNoSuccessor() {
        assertThat(NextOccurrence.of(completed(
                        TaskFixtures.details().dueAt("2026-03-02T09:00:00Z").build())))
                .isEmpty();
    }

    @Test
    void withoutADueDateTheSeriesContinuesFromTheCompletionAndDropsTheReminder() {
        var details = TaskFixtures.details()
                .remindAt("2026-03-01T09:00:00Z")
                .recurrence("FREQ=DAILY;INTERVAL=2")
                .build();

        TaskDetails next = NextOccurrence.of(completed(details)).orElseThrow();

        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-03-04T16:45:10.250Z"));
        assertThat(next.remindAt()).isNull();
    }

    @Test
    void aLateCompletionSkipsNothing() {
        var details = TaskFixtures.details()
                .dueAt("2026-02-01T09:00:00Z")
                .recurrence("FREQ=DAILY")
                .build();

        assertThat(NextOccurrence.of(completed(details)).orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2026-02-02T09:00:00Z"));
    }
}
