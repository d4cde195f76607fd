package io.taskflow.core.analytics;

import java.time.Instant;

/**
 * When a task counts as overdue. A task is overdue on the UTC day of its due time when that time has passed and the
 * task was neither completed nor deleted by then (completing exactly at the due time is in time). A task counts on
 * one day at most: the day its current due time falls on.
 */
public final class OverdueRule {
    private OverdueRule() {}

    /** Whether the task's due time had passed at {@code asOf} without it being completed or deleted by then. */
    public static boolean wasOverdue(TaskFacts task, Instant asOf) {
        Instant due = task.dueAt();
        return due != null && due.isBefore(asOf) && notBy(task.completedAt(), due) && notBy(task.deletedAt(), due);
    }

    /** Whether the task is open and late right now: what the overdue gauge counts. */
    public static boolean isOverdueNow(TaskFacts task, Instant now) {
        return task.dueAt() != null
                && task.dueAt().isBefore(now)
                && task.completedAt() == null
                && task.deletedAt() == null;
    }

    private static boolean notBy(Instant happened, Instant due) {
        return happened == null || happened.isAfter(due);
    }
}
