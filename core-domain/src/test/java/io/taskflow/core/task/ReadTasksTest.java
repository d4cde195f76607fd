package io.taskflow.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.testing.InMemoryCore;
import io.taskflow.core.testing.TaskFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadTasksTest {
    private static final UUID ALICE = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID BOB = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

    private final InMemoryCore core = new InMemoryCore();

    @Test
    void gettingOwnTaskReturnsIt() {
        Task task = core.createTask().create(ALICE, TaskFixtures.fullDetails());

        assertThat(core.readTasks().get(ALICE, task.id())).isEqualTo(task);
    }

    @Test
    void gettingAnotherOwnersTaskIsNotFound() {
        Task task = core.createTask().create(ALICE, TaskFixtures.fullDetails());

        assertThatThrownBy(() -> core.readTasks().get(BOB, task.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(task.id().toString());
    }

    @Test
    void gettingAnUnknownTaskIsNotFound() {
        assertThatThrownBy(() -> core.readTasks().get(ALICE, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listingPagesThroughOnlyTheCallersTasksNewestFirstWithoutGapsOrRepeats() {
        List<Task> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(core.createTask()
                    .create(ALICE, TaskFixtures.details().title("task " + i).build()));
            core.createTask()
                    .create(BOB, TaskFixtures.details().title("bob's " + i).build());
            core.clock().advance(Duration.ofSeconds(1));
        }

        List<Task> seen = new ArrayList<>();
        TaskCursor after = null;
        int pages = 0;
        do {
            TaskPage page = core.readTasks().list(query(ALICE, 2, after));
            seen.addAll(page.items());
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        Collections.reverse(created);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void listingFiltersByStatusTagAndText() {
        Task report = core.createTask()
                .create(
                        ALICE,
                        TaskFixtures.details()
                                .title("Quarterly REPORT")
                                .tags("work")
                                .build());
        Task groceries = core.createTask()
                .create(
                        ALICE,
                        TaskFixtures.details().title("Groceries").tags("home").build());
        core.changeTask().complete(ALICE, groceries.id(), null);

        assertThat(core.readTasks()
                        .list(new TaskQuery(ALICE, TaskStatus.OPEN, null, null, null, null, 10, null))
                        .items())
                .extracting(Task::id)
                .containsExactly(report.id());
        assertThat(core.readTasks()
                        .list(new TaskQuery(ALICE, null, null, "home", null, null, 10, null))
                        .items())
                .extracting(Task::id)
                .containsExactly(groceries.id());
        assertThat(core.readTasks()
                        .list(new TaskQuery(ALICE, null, null, null, null, "report", 10, null))
                        .items())
                .extracting(Task::id)
                .containsExactly(report.id());
    }

    private static TaskQuery query(UUID owner, int limit, TaskCursor after) {
        return new TaskQuery(owner, null, null, null, null, null, limit, after);
    }
}
