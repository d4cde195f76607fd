package io.taskflow.core.recurrence;

import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.SeriesLinks;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.task.Task;
import java.util.Optional;

/**
 * Creates the next occurrence of a completed recurring task and appends its {@code task.created}, in one transaction
 * (the consumer's, which also records the completion event in its inbox).
 *
 * <p>A task gets at most one next occurrence, ever: the link from the completed task to its successor is claimed in
 * the same transaction. A redelivered completion, and the completion of a task that was re-opened and completed
 * again, find the link taken and create nothing.
 */
public final class CreateNextOccurrence {
    private final Transactions tx;
    private final TaskStore tasks;
    private final SeriesLinks links;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;

    public CreateNextOccurrence(
            Transactions tx, TaskStore tasks, SeriesLinks links, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        this.tx = tx;
        this.tasks = tasks;
        this.links = links;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
    }

    /** The task created; empty when the completed one does not recur, its series ended, or it has a successor. */
    public Optional<Task> after(TaskCompleted completed) {
        Task done = completed.task();
        return NextOccurrence.of(done)
                .flatMap(details -> tx.inTransaction(() -> {
                    var nextId = ids.newId();
                    if (!links.linkNext(done.id(), nextId)) {
                        return Optional.empty();
                    }
                    var now = time.now();
                    Task next = Task.create(nextId, done.ownerId(), details, now);
                    tasks.insert(next);
                    outbox.append(new TaskCreated(ids.newId(), now, done.ownerId(), next));
                    return Optional.of(next);
                }));
    }
}
