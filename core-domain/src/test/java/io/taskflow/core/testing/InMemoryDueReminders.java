package io.taskflow.core.testing;

import io.taskflow.core.port.DueReminders;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.reminder.DueReminder;
import io.taskflow.core.task.Task;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link DueReminders} over the in-memory task store and a clock. A reminder is remembered as fired by task and
 * reminder time, so moving a task's reminder arms it again, as the real store does.
 */
public final class InMemoryDueReminders implements DueReminders, Rollbackable {
    private final InMemoryTaskStore tasks;
    private final TimeSource clock;
    private final Set<DueReminder> fired = new HashSet<>();

    public InMemoryDueReminders(InMemoryTaskStore tasks, TimeSource clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public List<DueReminder> claimDue(int limit) {
        return tasks.all().stream()
                .filter(t -> t.details().remindAt() != null
                        && !t.details().remindAt().isAfter(clock.now())
                        && !t.isCompleted())
                .map(InMemoryDueReminders::reminderOf)
                .filter(r -> !isFired(r))
                .sorted(Comparator.comparing(DueReminder::remindAt))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean markFired(DueReminder reminder) {
        return !isFired(reminder) && fired.add(key(reminder));
    }

    private boolean isFired(DueReminder reminder) {
        return fired.contains(key(reminder));
    }

    /** Firing is keyed by task and time only: the version and title the reminder was read with do not matter. */
    private static DueReminder key(DueReminder r) {
        return new DueReminder(r.taskId(), r.ownerId(), 0, r.remindAt(), "");
    }

    private static DueReminder reminderOf(Task t) {
        return new DueReminder(
                t.id(),
                t.ownerId(),
                t.version(),
                t.details().remindAt(),
                t.details().title());
    }

    @Override
    public Runnable checkpoint() {
        var copy = Set.copyOf(fired);
        return () -> {
            fired.clear();
            fired.addAll(copy);
        };
    }
}
