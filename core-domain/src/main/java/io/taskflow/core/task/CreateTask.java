package io.taskflow.core.task;

import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import java.util.UUID;

public final class CreateTask {
    private final Transactions tx;
    private final TaskStore tasks;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;

    public CreateTask(Transactions tx, TaskStore tasks, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        this.tx = tx;
        this.tasks = tasks;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
    }

    public Task create(UUID ownerId, TaskDetails details) {
        return tx.inTransaction(() -> {
            var now = time.now();
            var task = Task.create(ids.newId(), ownerId, details, now);
            tasks.insert(task);
            outbox.append(new TaskCreated(ids.newId(), now, ownerId, task));
            return task;
        });
    }
}
