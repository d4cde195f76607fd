package io.taskflow.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.task.Priority;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskPage;
import io.taskflow.core.task.TaskQuery;
import io.taskflow.core.task.TaskStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fake must behave like a real store, or use-case tests built on it prove nothing. */
class InMemoryTaskStoreTest {
    private static final UUID OWNER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final InMemoryTaskStore store = new InMemoryTaskStore();

    @Test
    void anUpdateIsStoredOnlyOnTopOfThePreviousVersion() {
        Task v1 = task(1, T0);
        store.insert(v1);
        Task v2 = new Task(v1.id(), OWNER, v1.details(), TaskStatus.IN_PROGRESS, 2, T0, T0, null);
        Task v3 = new Task(v1.id(), OWNER, v1.details(), TaskStatus.OPEN, 3, T0, T0, null);

        assertThat(store.update(v3)).isFalse();
        assertThat(store.update(v2)).isTrue();
        assertThat(store.update(v2)).isFalse();
        assertThat(store.find(OWNER, v1.id())).contains(v2);
    }

    @Test
    void aDeleteNeedsTheCurrentVersionAndTheOwner() {
        Task v1 = task(1, T0);
        store.insert(v1);

        assertThat(store.delete(UUID.randomUUID(), v1.id(), 1)).isFalse();
        assertThat(store.delete(OWNER, v1.id(), 2)).isFalse();
        assertThat(store.delete(OWNER, v1.id(), 1)).isTrue();
        assertThat(store.find(OWNER, v1.id())).isEmpty();
    }

    @Test
    void insertingTheSameIdTwiceIsRefused() {
        Task v1 = task(1, T0);
        store.insert(v1);

        assertThatThrownBy(() -> store.insert(v1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tasksCreatedAtTheSameInstantArePagedByIdWithoutGapsOrRepeats() {
        for (int i = 1; i <= 5; i++) {
            store.insert(task(i, T0));
        }

        TaskPage first = store.list(new TaskQuery(OWNER, null, null, null, null, null, 3, null));
        TaskPage second = store.list(new TaskQuery(OWNER, null, null, null, null, null, 3, first.next()));

        assertThat(first.items())
                .extracting(t -> t.id().getLeastSignificantBits())
                .containsExactly(5L, 4L, 3L);
        assertThat(second.items())
                .extracting(t -> t.id().getLeastSignificantBits())
                .containsExactly(2L, 1L);
        assertThat(second.next()).isNull();
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        store.insert(task(1, T0));
        store.insert(task(2, T0.plusSeconds(1)));

        assertThat(store.list(new TaskQuery(OWNER, null, null, null, null, null, 2, null))
                        .next())
                .isNull();
    }

    @Test
    void filtersByPriorityAndDueDate() {
        Task urgent = new Task(
                new UUID(0, 1),
                OWNER,
                TaskFixtures.details()
                        .priority(Priority.URGENT)
                        .dueAt("2026-03-03T00:00:00Z")
                        .build(),
                TaskStatus.OPEN,
                1,
                T0,
                T0,
                null);
        Task later = new Task(
                new UUID(0, 2),
                OWNER,
                TaskFixtures.details().dueAt("2026-04-01T00:00:00Z").build(),
                TaskStatus.OPEN,
                1,
                T0,
                T0,
                null);
        Task undated = task(3, T0);
        store.insert(urgent);
        store.insert(later);
        store.insert(undated);

        assertThat(store.list(new TaskQuery(OWNER, null, Priority.URGENT, null, null, null, 10, null))
                        .items())
                .containsExactly(urgent);
        assertThat(store.list(new TaskQuery(
                                OWNER, null, null, null, Instant.parse("2026-03-10T00:00:00Z"), null, 10, null))
                        .items())
                .containsExactly(urgent);
    }

    private static Task task(long n, Instant createdAt) {
        return Task.create(
                new UUID(0, n), OWNER, TaskFixtures.details().title("task " + n).build(), createdAt);
    }
}
