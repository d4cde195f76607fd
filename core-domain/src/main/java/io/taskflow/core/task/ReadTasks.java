package io.taskflow.core.task;

import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.port.TaskStore;
import java.util.UUID;

/** The read side: one task, or a page of them, always scoped to the caller. */
public final class ReadTasks {
    private final TaskStore tasks;

    public ReadTasks(TaskStore tasks) {
        this.tasks = tasks;
    }

    public Task get(UUID ownerId, UUID taskId) {
        return tasks.find(ownerId, taskId).orElseThrow(() -> new NotFoundException("task " + taskId));
    }

    public TaskPage list(TaskQuery query) {
        return tasks.list(query);
    }
}
