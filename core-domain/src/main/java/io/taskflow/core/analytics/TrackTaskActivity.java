package io.taskflow.core.analytics;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskDeleted;
import io.taskflow.core.event.TaskSnapshotEvent;
import io.taskflow.core.port.AnalyticsStore;
import io.taskflow.core.port.Transactions;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps the analytics projection and the daily counters from task events. Idempotent by construction: an event is
 * applied only when it is newer than what is stored of its task (task versions only grow), and only an applied event
 * counts, so a repeated or late event changes nothing.
 */
public final class TrackTaskActivity {
    private final Transactions tx;
    private final AnalyticsStore store;

    public TrackTaskActivity(Transactions tx, AnalyticsStore store) {
        this.tx = tx;
        this.store = store;
    }

    public Tracked track(DomainEvent event) {
        if (!(event instanceof TaskSnapshotEvent) && !(event instanceof TaskDeleted)) {
            return Tracked.NOTHING;
        }
        return tx.inTransaction(() -> {
            Optional<TaskFacts> stored = store.findForUpdate(event.aggregateId());
            TaskFacts before = stored.orElse(null);
            TaskFacts after = event instanceof TaskDeleted deleted
                    ? TaskFacts.deleted(before, deleted)
                    : TaskFacts.of((TaskSnapshotEvent) event);
            if (!after.isNewerThan(before)) {
                return Tracked.NOTHING;
            }
            if (stored.isPresent()) {
                store.update(after);
            } else {
                store.insert(after);
            }
            return count(event, after, stored.isEmpty());
        });
    }

    /**
     * A task counts as created when it is first seen with its facts, whichever event shows it first: each type has its
     * own topic, so a task's update may arrive before its creation, which is then older and ignored.
     */
    private Tracked count(DomainEvent event, TaskFacts after, boolean firstSeen) {
        boolean created = firstSeen && after.createdAt() != null;
        if (created) {
            store.add(after.ownerId(), DailyCounts.oneCreated(UtcDays.of(after.createdAt())));
        }
        if (event instanceof TaskCompleted completed && completed.task().completedAt() != null) {
            var task = completed.task();
            Duration took = Duration.between(task.createdAt(), task.completedAt());
            if (took.isNegative()) {
                took = Duration.ZERO;
            }
            store.add(after.ownerId(), DailyCounts.oneCompleted(UtcDays.of(task.completedAt()), took));
            return new Tracked(created, took);
        }
        return created ? new Tracked(true, null) : Tracked.NOTHING;
    }
}
