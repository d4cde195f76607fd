package io.taskflow.core.port;

import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskPage;
import io.taskflow.core.task.TaskQuery;
import java.util.Optional;
import java.util.UUID;

/** Persistence of tasks. Every read is scoped to an owner: another user's task is simply absent. */
public interface TaskStore {

    Optional<Task> find(UUID ownerId, UUID taskId);

    /** Reads the task and holds it against concurrent writers until the surrounding transaction ends. */
    Optional<Task> findForUpdate(UUID ownerId, UUID taskId);

    void insert(Task task);

    /** Stores the next version; false when the stored version is no longer {@code task.version() - 1}. */
    boolean update(Task task);

    /** False when the task is gone or its version is no longer {@code version}. */
    boolean delete(UUID ownerId, UUID taskId, long version);

    TaskPage list(TaskQuery query);
}
