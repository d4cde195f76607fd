package io.taskflow.core.task;

import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.error.StaleVersionException;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.event.TaskUpdated;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import java.util.UUID;

/**
 * Update, complete and delete: the writes to an existing task. Each locks the task, checks the version the caller
 * based its change on (when it names one), stores the next version and appends its event in one transaction.
 */
public final class ChangeTask {
    private final Transactions tx;
    private final TaskStore tasks;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;

    public ChangeTask(Transactions tx, TaskStore tasks, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        this.tx = tx;
        this.tasks = tasks;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
    }

    /** @param expectedVersion the version the caller saw, or null to apply the change to whatever is current */
    public Task update(UUID ownerId, UUID taskId, Long expectedVersion, TaskChanges changes) {
        return tx.inTransaction(() -> {
            var current = lock(ownerId, taskId, expectedVersion);
            var now = time.now();
            var next = current.apply(changes, now);
            if (next == current) {
                return current;
            }
            store(next);
            outbox.append(new TaskUpdated(ids.newId(), now, ownerId, next, TaskChanges.changedFields(current, next)));
            return next;
        });
    }

    /**
     * Idempotent: completing a completed task returns it unchanged and publishes nothing, whatever version the caller
     * names, so a retry of a completion that succeeded (with the If-Match of the first try) is not refused.
     */
    public Task complete(UUID ownerId, UUID taskId, Long expectedVersion) {
        return tx.inTransaction(() -> {
            var locked =
                    tasks.findForUpdate(ownerId, taskId).orElseThrow(() -> new NotFoundException("task " + taskId));
            if (locked.isCompleted()) {
                return locked;
            }
            var current = lock(ownerId, taskId, expectedVersion);
            var now = time.now();
            var next = current.complete(now);
            if (next == current) {
                return current;
            }
            store(next);
            outbox.append(new TaskCompleted(ids.newId(), now, ownerId, next));
            return next;
        });
    }

    public void delete(UUID ownerId, UUID taskId, Long expectedVersion) {
        tx.inTransaction(() -> {
            var current = lock(ownerId, taskId, expectedVersion);
            if (!tasks.delete(ownerId, taskId, current.version())) {
                throw new NotFoundException("task " + taskId);
            }
            outbox.append(new TaskDeleted(ids.newId(), time.now(), ownerId, taskId, current.version() + 1));
            return null;
        });
    }

    private Task lock(UUID ownerId, UUID taskId, Long expectedVersion) {
        var current = tasks.findForUpdate(ownerId, taskId).orElseThrow(() -> new NotFoundException("task " + taskId));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException(expectedVersion, current.version());
        }
        return current;
    }

    private void store(Task next) {
        if (!tasks.update(next)) {
            // The row lock makes this unreachable unless the store ignores it; refuse rather than overwrite.
            throw new StaleVersionException(next.version() - 1, -1);
        }
    }
}
