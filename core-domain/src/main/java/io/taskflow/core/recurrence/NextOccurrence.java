package io.taskflow.core.recurrence;

import io.taskflow.core.task.RecurrenceRule;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What follows a completed recurring task: the same title, description, priority, tags and rule, due at the rule's
 * first instance after the completed task's due date, with the reminder as long before it as it was.
 *
 * <p>A recurring task without a due date is anchored at its completion instead: the next one is due one period after
 * it was done (its reminder is dropped, since there is no due date to keep it relative to). A late completion skips
 * nothing: the next occurrence follows the completed one's due date even when that is past already.
 */
public final class NextOccurrence {

    private NextOccurrence() {}

    /** Empty when the task does not recur or its series has ended (COUNT used up, UNTIL passed). */
    public static Optional<TaskDetails> of(Task completed) {
        TaskDetails done = completed.details();
        RecurrenceRule rule = done.recurrence();
        if (rule == null) {
            return Optional.empty();
        }
        Instant anchor = anchorOf(completed);
        return rule.after(anchor)
                .map(next -> new TaskDetails(
                        done.title(),
                        done.description(),
                        done.priority(),
                        next.at(),
                        reminderFor(done, next.at()),
                        done.tags(),
                        next.rule()));
    }

    /** The instant the series continues from: the due date, or when the task was done if it had none. */
    static Instant anchorOf(Task completed) {
        if (completed.details().dueAt() != null) {
            return completed.details().dueAt();
        }
        return completed.completedAt() != null ? completed.completedAt() : completed.updatedAt();
    }

    private static Instant reminderFor(TaskDetails done, Instant nextDue) {
        if (done.dueAt() == null || done.remindAt() == null) {
            return null;
        }
        return nextDue.minus(Duration.between(done.remindAt(), done.dueAt()));
    }
}
