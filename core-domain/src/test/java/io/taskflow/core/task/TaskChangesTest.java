package io.taskflow.core.task;

import static io.taskflow.core.testing.DomainAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.testing.TaskFixtures;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskChangesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final Task task = Task.create(UUID.randomUUID(), UUID.randomUUID(), TaskFixtures.fullDetails(), NOW);

    @Test
    void clearingTheTitleIsRefused() {
        assertInvalidInput("title", () -> new TaskChanges(Patch.clear(), null, null, null, null, null, null, null));
    }

    @Test
    void settingTheTitleToNullMeansClearingAndIsRefused() {
        assertInvalidInput("title", () -> new TaskChanges(Patch.set(null), null, null, null, null, null, null, null));
    }

    @Test
    void clearingThePriorityIsRefused() {
        assertInvalidInput("priority", () -> new TaskChanges(null, null, Patch.clear(), null, null, null, null, null));
    }

    @Test
    void clearingTheStatusIsRefused() {
        assertInvalidInput("status", () -> new TaskChanges(null, null, null, Patch.clear(), null, null, null, null));
    }

    @Test
    void settingTheStatusToCompletedIsRefusedBecauseCompletingHasItsOwnUseCase() {
        assertInvalidInput(
                "status",
                () -> new TaskChanges(null, null, null, Patch.set(TaskStatus.COMPLETED), null, null, null, null));
    }

    @Test
    void settingTheStatusToInProgressIsAccepted() {
        var changes = new TaskChanges(null, null, null, Patch.set(TaskStatus.IN_PROGRESS), null, null, null, null);

        assertThat(task.apply(changes, NOW.plusSeconds(1)).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void nullPatchesMeanKeep() {
        var none = TaskChanges.none();

        assertThat(none.title()).isInstanceOf(Patch.Keep.class);
        assertThat(none.recurrence()).isInstanceOf(Patch.Keep.class);
        assertThat(task.apply(none, NOW.plusSeconds(1))).isSameAs(task);
    }

    @Test
    void optionalFieldsMayBeCleared() {
        var clearAll = new TaskChanges(
                null, Patch.clear(), null, null, Patch.clear(), Patch.clear(), Patch.clear(), Patch.clear());

        var details = task.apply(clearAll, NOW.plusSeconds(1)).details();

        assertThat(details.description()).isNull();
        assertThat(details.dueAt()).isNull();
        assertThat(details.remindAt()).isNull();
        assertThat(details.tags()).isEmpty();
        assertThat(details.recurrence()).isNull();
        assertThat(details.title()).isEqualTo(task.details().title());
    }

    @Test
    void applyingAChangeBumpsTheVersionAndUpdatedAtOnly() {
        var later = NOW.plusSeconds(60);

        var next = task.apply(new TaskChanges(Patch.set("New"), null, null, null, null, null, null, null), later);

        assertThat(next.version()).isEqualTo(task.version() + 1);
        assertThat(next.updatedAt()).isEqualTo(later);
        assertThat(next.createdAt()).isEqualTo(task.createdAt());
        assertThat(next.id()).isEqualTo(task.id());
        assertThat(next.ownerId()).isEqualTo(task.ownerId());
    }

    @Test
    void changedFieldsNameExactlyTheFieldsThatDiffer() {
        var next = task.apply(
                new TaskChanges(
                        Patch.set(task.details().title()),
                        null,
                        Patch.set(Priority.LOW),
                        Patch.set(TaskStatus.IN_PROGRESS),
                        null,
                        Patch.clear(),
                        null,
                        Patch.set(RecurrenceRule.parse("FREQ=WEEKLY"))),
                NOW.plusSeconds(1));

        assertThat(TaskChanges.changedFields(task, next))
                .containsExactlyInAnyOrder("priority", "status", "remindAt", "recurrence");
    }

    @Test
    void patchKeepSetAndClearMeanWhatMergePatchSays() {
        assertThat(Patch.<String>keep().applyTo("old")).isEqualTo("old");
        assertThat(Patch.set("new").applyTo("old")).isEqualTo("new");
        assertThat(Patch.<String>clear().applyTo("old")).isNull();
        assertThat(Patch.set(null)).isInstanceOf(Patch.Clear.class);
        assertThat(Patch.keep().changes()).isFalse();
        assertThat(Patch.clear().changes()).isTrue();
    }
}
