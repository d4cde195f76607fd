package io.taskflow.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.testing.InMemoryCore;
import io.taskflow.core.testing.TaskFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateTaskTest {
    private static final UUID OWNER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");

    private final InMemoryCore core = new InMemoryCore();

    @Test
    void creatingATaskStoresItOpenAtVersionOneForTheCaller() {
        var details = TaskFixtures.fullDetails();

        Task task = core.createTask().create(OWNER, details);

        assertThat(task.ownerId()).isEqualTo(OWNER);
        assertThat(task.details()).isEqualTo(details);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.createdAt()).isEqualTo(core.clock().now());
        assertThat(task.updatedAt()).isEqualTo(task.createdAt());
        assertThat(task.completedAt()).isNull();
        assertThat(core.tasks().find(OWNER, task.id())).contains(task);
        assertThat(core.tasks().size()).isEqualTo(1);
    }

    @Test
    void creatingATaskAppendsExactlyOneTaskCreatedForThatTask() {
        Task task = core.createTask().create(OWNER, TaskFixtures.minimalDetails());

        assertThat(core.outbox().events()).singleElement().isInstanceOfSatisfying(TaskCreated.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(task.id());
            assertThat(e.actorId()).isEqualTo(OWNER);
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.occurredAt()).isEqualTo(task.createdAt());
            assertThat(e.task()).isEqualTo(task);
            assertThat(e.eventId()).isNotEqualTo(task.id());
        });
    }

    @Test
    void creatingTwoTasksGivesThemDistinctIds() {
        Task first = core.createTask().create(OWNER, TaskFixtures.minimalDetails());
        Task second = core.createTask().create(OWNER, TaskFixtures.minimalDetails());

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(core.tasks().all()).containsExactly(first, second);
    }

    @Test
    void givenTheOutboxFailsCreatingATaskStoresNothing() {
        core.outbox().failNextAppend(new IllegalStateException("outbox down"));

        assertThatThrownBy(() -> core.createTask().create(OWNER, TaskFixtures.minimalDetails()))
                .hasMessage("outbox down");

        assertThat(core.tasks().all()).isEmpty();
        assertThat(core.outbox().events()).isEmpty();
    }
}
