package io.taskflow.core.task;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.error.StaleVersionException;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.event.TaskUpdated;
import io.taskflow.core.testing.InMemoryCore;
import io.taskflow.core.testing.TaskFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeTaskTest {
    private static final UUID OWNER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID STRANGER = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

    private final InMemoryCore core = new InMemoryCore();
    private final ChangeTask change = core.changeTask();
    private Task task;

    @BeforeEach
    void givenAStoredTask() {
        task = core.createTask().create(OWNER, TaskFixtures.fullDetails());
        core.outbox().clear();
        core.clock().advance(Duration.ofMinutes(5));
    }

    private Task stored() {
        return core.tasks().find(OWNER, task.id()).orElseThrow();
    }

    private static TaskChanges changes(Patch<String> title, Patch<Priority> priority) {
        return new TaskChanges(title, null, priority, null, null, null, null, null);
    }

    @Test
    void updatingStoresTheNextVersionAndAppendsTaskUpdatedNamingTheChangedFields() {
        Task updated = change.update(
                OWNER, task.id(), 1L, changes(Patch.set("Rewrite the report"), Patch.set(Priority.URGENT)));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.details().title()).isEqualTo("Rewrite the report");
        assertThat(updated.details().priority()).isEqualTo(Priority.URGENT);
        assertThat(updated.details().description()).isEqualTo(task.details().description());
        assertThat(updated.createdAt()).isEqualTo(task.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(core.clock().now());
        assertThat(stored()).isEqualTo(updated);
        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(TaskUpdated.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(task.id());
            assertThat(e.actorId()).isEqualTo(OWNER);
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.occurredAt()).isEqualTo(core.clock().now());
            assertThat(e.task()).isEqualTo(updated);
            assertThat(e.changedFields()).containsExactlyInAnyOrder("title", "priority");
        });
    }

    @Test
    void updatingWithoutAnExpectedVersionAppliesToTheCurrentOne() {
        change.update(OWNER, task.id(), null, changes(Patch.set("first"), null));
        Task second = change.update(OWNER, task.id(), null, changes(Patch.set("second"), null));

        assertThat(second.version()).isEqualTo(3);
        assertThat(core.outbox().eventsOf(TaskUpdated.class))
                .extracting(TaskUpdated::version)
                .containsExactly(2L, 3L);
    }

    @Test
    void clearingAnOptionalFieldIsReportedAsChanged() {
        var clearDescription = new TaskChanges(null, Patch.clear(), null, null, null, null, Patch.clear(), null);

        Task updated = change.update(OWNER, task.id(), 1L, clearDescription);

        assertThat(updated.details().description()).isNull();
        assertThat(updated.details().tags()).isEmpty();
        assertThat(core.outbox().eventsOf(TaskUpdated.class).get(0).changedFields())
                .containsExactlyInAnyOrder("description", "tags");
    }

    @Test
    void updatingWithValuesEqualToTheCurrentOnesPublishesNothingAndKeepsTheVersion() {
        Task same = change.update(
                OWNER,
                task.id(),
                1L,
                changes(Patch.set("  " + task.details().title() + " "), Patch.set(Priority.HIGH)));

        assertThat(same).isEqualTo(task);
        assertThat(stored()).isEqualTo(task);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void updatingWithNoChangesPublishesNothingAndKeepsTheVersion() {
        Task same = change.update(OWNER, task.id(), 1L, TaskChanges.none());

        assertThat(same.version()).isEqualTo(1);
        assertThat(same.updatedAt()).isEqualTo(task.updatedAt());
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void updatingWithAStaleExpectedVersionIsRefusedAndChangesNothing() {
        change.update(OWNER, task.id(), 1L, changes(Patch.set("v2"), null));
        core.outbox().clear();

        var stale = catchThrowableOfType(
                StaleVersionException.class,
                () -> change.update(OWNER, task.id(), 1L, changes(Patch.set("lost update"), null)));

        assertThat(stale.currentVersion()).isEqualTo(2);
        assertThat(stored().details().title()).isEqualTo("v2");
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void updatingAnotherOwnersTaskIsNotFoundAndChangesNothing() {
        assertThatThrownBy(() -> change.update(STRANGER, task.id(), null, changes(Patch.set("mine now"), null)))
                .isInstanceOf(NotFoundException.class);

        assertThat(stored()).isEqualTo(task);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void reopeningACompletedTaskClearsItsCompletionTime() {
        change.complete(OWNER, task.id(), 1L);
        core.outbox().clear();

        Task reopened = change.update(
                OWNER,
                task.id(),
                2L,
                new TaskChanges(null, null, null, Patch.set(TaskStatus.OPEN), null, null, null, null));

        assertThat(reopened.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(reopened.completedAt()).isNull();
        assertThat(reopened.version()).isEqualTo(3);
        assertThat(core.outbox().eventsOf(TaskUpdated.class))
                .singleElement()
                .satisfies(e -> assertThat(e.changedFields()).containsExactly("status"));
    }

    @Test
    void movingTheDueDateBeforeTheReminderIsRefusedAndChangesNothing() {
        var earlierDue = new TaskChanges(
                null, null, null, null, Patch.set(Instant.parse("2026-03-01T00:00:00Z")), null, null, null);

        assertInvalidInput("remindAt", () -> change.update(OWNER, task.id(), 1L, earlierDue));

        assertThat(stored()).isEqualTo(task);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void givenTheOutboxFailsAnUpdateLeavesThePreviousVersionStored() {
        core.outbox().failNextAppend(new IllegalStateException("outbox down"));

        assertThatThrownBy(() -> change.update(OWNER, task.id(), 1L, changes(Patch.set("never seen"), null)))
                .hasMessage("outbox down");

        assertThat(stored()).isEqualTo(task);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void completingStoresACompletedNextVersionAndAppendsTaskCompleted() {
        Task done = change.complete(OWNER, task.id(), 1L);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.version()).isEqualTo(2);
        assertThat(done.completedAt()).isEqualTo(core.clock().now());
        assertThat(done.updatedAt()).isEqualTo(core.clock().now());
        assertThat(done.details()).isEqualTo(task.details());
        assertThat(stored()).isEqualTo(done);
        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(TaskCompleted.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(task.id());
            assertThat(e.actorId()).isEqualTo(OWNER);
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.task()).isEqualTo(done);
        });
    }

    @Test
    void completingACompletedTaskPublishesNothingAndKeepsTheVersion() {
        Task first = change.complete(OWNER, task.id(), null);
        core.clock().advance(Duration.ofMinutes(1));

        Task second = change.complete(OWNER, task.id(), null);

        assertThat(second).isEqualTo(first);
        assertThat(second.version()).isEqualTo(2);
        assertThat(stored()).isEqualTo(first);
        assertThat(core.outbox().eventsOf(TaskCompleted.class)).hasSize(1);
        assertThat(core.outbox().events()).hasSize(1);
    }

    @Test
    void retryingACompletionWithTheVersionOfTheFirstTryReturnsTheCompletedTask() {
        Task first = change.complete(OWNER, task.id(), 1L);

        Task retry = change.complete(OWNER, task.id(), 1L);

        assertThat(retry).isEqualTo(first);
        assertThat(core.outbox().eventsOf(TaskCompleted.class)).hasSize(1);
    }

    @Test
    void completingWithAStaleExpectedVersionIsRefused() {
        change.update(OWNER, task.id(), 1L, changes(Patch.set("v2"), null));

        assertThatThrownBy(() -> change.complete(OWNER, task.id(), 1L)).isInstanceOf(StaleVersionException.class);

        assertThat(stored().status()).isEqualTo(TaskStatus.OPEN);
        assertThat(core.outbox().eventsOf(TaskCompleted.class)).isEmpty();
    }

    @Test
    void completingAnotherOwnersTaskIsNotFound() {
        assertThatThrownBy(() -> change.complete(STRANGER, task.id(), null)).isInstanceOf(NotFoundException.class);

        assertThat(stored()).isEqualTo(task);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void deletingRemovesTheTaskAndAppendsTaskDeletedWithTheNextVersion() {
        change.delete(OWNER, task.id(), 1L);

        assertThat(core.tasks().all()).isEmpty();
        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(TaskDeleted.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(task.id());
            assertThat(e.actorId()).isEqualTo(OWNER);
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.occurredAt()).isEqualTo(core.clock().now());
        });
    }

    @Test
    void afterDeletingGettingTheTaskIsNotFound() {
        change.delete(OWNER, task.id(), null);

        assertThatThrownBy(() -> core.readTasks().get(OWNER, task.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingTwiceIsNotFoundAndPublishesOnce() {
        change.delete(OWNER, task.id(), null);

        assertThatThrownBy(() -> change.delete(OWNER, task.id(), null)).isInstanceOf(NotFoundException.class);
        assertThat(core.outbox().eventsOf(TaskDeleted.class)).hasSize(1);
    }

    @Test
    void deletingWithAStaleExpectedVersionIsRefusedAndKeepsTheTask() {
        Task v2 = change.update(OWNER, task.id(), 1L, changes(Patch.set("v2"), null));
        core.outbox().clear();

        assertThatThrownBy(() -> change.delete(OWNER, task.id(), 1L)).isInstanceOf(StaleVersionException.class);

        assertThat(stored()).isEqualTo(v2);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void deletingAnotherOwnersTaskIsNotFoundAndKeepsIt() {
        assertThatThrownBy(() -> change.delete(STRANGER, task.id(), null)).isInstanceOf(NotFoundException.class);

        assertThat(stored()).isEqualTo(task);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void givenTheOutboxFailsADeleteKeepsTheTask() {
        core.outbox().failNextAppend(new IllegalStateException("outbox down"));

        assertThatThrownBy(() -> change.delete(OWNER, task.id(), 1L)).hasMessage("outbox down");

        assertThat(core.tasks().all()).containsExactly(task);
        assertThat(core.outbox().events()).isEmpty();
    }

    @Test
    void theWholeLifecyclePublishesOneEventPerRealChangeWithIncreasingVersions() {
        change.update(OWNER, task.id(), 1L, changes(Patch.set("v2"), null));
        change.update(OWNER, task.id(), 2L, TaskChanges.none());
        change.complete(OWNER, task.id(), 2L);
        change.complete(OWNER, task.id(), 3L);
        change.delete(OWNER, task.id(), 3L);

        assertThat(core.outbox().events())
                .extracting(e -> e.getClass().getSimpleName() + "@" + e.version())
                .isEqualTo(List.of("TaskUpdated@2", "TaskCompleted@3", "TaskDeleted@4"));
    }
}
