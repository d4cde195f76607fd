package io.taskflow.core.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.task.TaskStatus;
import io.taskflow.core.testing.InMemoryCore;
import io.taskflow.core.testing.TaskFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateNextOccurrenceTest {
    private static final UUID OWNER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");

    private final InMemoryCore core = new InMemoryCore();
    private final CreateNextOccurrence createNext = core.createNextOccurrence();
    private Task recurring;

    @BeforeEach
    void givenARecurringTask() {
        recurring = core.createTask()
                .create(
                        OWNER,
                        TaskFixtures.details()
                                .title("Stand-up notes")
                                .dueAt("2026-03-02T09:00:00Z")
                                .remindAt("2026-03-02T08:45:00Z")
                                .recurrence("FREQ=WEEKLY;BYDAY=MO,WE,FR")
                                .build());
        core.clock().advance(Duration.ofHours(1));
    }

    private TaskCompleted complete(Task task) {
        core.outbox().clear();
        core.changeTask().complete(OWNER, task.id(), null);
        var completed = core.outbox().eventsOf(TaskCompleted.class).get(0);
        core.outbox().clear();
        return completed;
    }

    @Test
    void completingARecurringTaskCreatesItsNextOccurrenceAndAppendsTaskCreated() {
        TaskCompleted completed = complete(recurring);

        Task next = createNext.after(completed).orElseThrow();

        assertThat(next.id()).isNotEqualTo(recurring.id());
        assertThat(next.ownerId()).isEqualTo(OWNER);
        assertThat(next.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(next.version()).isEqualTo(1);
        assertThat(next.createdAt()).isEqualTo(core.clock().now());
        assertThat(next.details().title()).isEqualTo("Stand-up notes");
        assertThat(next.details().dueAt()).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
        assertThat(next.details().remindAt()).isEqualTo(Instant.parse("2026-03-04T08:45:00Z"));
        assertThat(core.tasks().find(OWNER, next.id())).contains(next);
        assertThat(core.seriesLinks().nextOf(recurring.id())).contains(next.id());
        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(TaskCreated.class, e -> {
            assertThat(e.task()).isEqualTo(next);
            assertThat(e.actorId()).isEqualTo(OWNER);
        });
    }

    @Test
    void theSameCompletionTwiceCreatesOneOccurrence() {
        TaskCompleted completed = complete(recurring);

        createNext.after(completed);
        var again = createNext.after(completed);

        assertThat(again).isEmpty();
        assertThat(core.tasks().size()).isEqualTo(2);
        assertThat(core.outbox().eventsOf(TaskCreated.class)).hasSize(1);
    }

    @Test
    void aTaskReopenedAndCompletedAgainDoesNotStartASecondSeries() {
        TaskCompleted first = complete(recurring);
        createNext.after(first);
        var reopen = new TaskChanges(null, null, null, Patch.set(TaskStatus.OPEN), null, null, null, null);
        core.changeTask().update(OWNER, recurring.id(), null, reopen);
        TaskCompleted second = complete(recurring);

        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(createNext.after(second)).isEmpty();
        assertThat(core.tasks().size()).isEqualTo(2);
    }

    @Test
    void aTaskThatDoesNotRecurGetsNoSuccessorAndNothingIsAppended() {
        Task once = core.createTask().create(OWNER, TaskFixtures.minimalDetails());

        assertThat(createNext.after(complete(once))).isEmpty();
        assertThat(core.outbox().events()).isEmpty();
        assertThat(core.seriesLinks().nextOf(once.id())).isEmpty();
    }

    @Test
    void whenAppendingFailsNeitherTheTaskNorTheLinkRemain() {
        TaskCompleted completed = complete(recurring);
        core.outbox().failNextAppend(new IllegalStateException("outbox down"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> createNext.after(completed))
                .hasMessageContaining("outbox down");

        assertThat(core.tasks().size()).isEqualTo(1);
        assertThat(core.seriesLinks().nextOf(recurring.id())).isEmpty();
        assertThat(createNext.after(completed)).isPresent();
    }
}
