package io.taskflow.core.task;

import io.taskflow.core.error.InvalidInputException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A partial update of a task: each field is kept, set or cleared. */
public record TaskChanges(
        Patch<String> title,
        Patch<String> description,
        Patch<Priority> priority,
        Patch<TaskStatus> status,
        Patch<Instant> dueAt,
        Patch<Instant> remindAt,
        Patch<List<String>> tags,
        Patch<RecurrenceRule> recurrence) {

    public TaskChanges {
        title = orKeep(title);
        description = orKeep(description);
        priority = orKeep(priority);
        status = orKeep(status);
        dueAt = orKeep(dueAt);
        remindAt = orKeep(remindAt);
        tags = orKeep(tags);
        recurrence = orKeep(recurrence);
        if (title instanceof Patch.Clear<String>) {
            throw new InvalidInputException("title", "must not be null");
        }
        if (priority instanceof Patch.Clear<Priority>) {
            throw new InvalidInputException("priority", "must not be null");
        }
        if (status instanceof Patch.Clear<TaskStatus>) {
            throw new InvalidInputException("status", "must not be null");
        }
        if (status.applyTo(null) == TaskStatus.COMPLETED) {
            throw new InvalidInputException("status", "use POST /tasks/{id}/complete to complete a task");
        }
    }

    public static TaskChanges none() {
        return new TaskChanges(null, null, null, null, null, null, null, null);
    }

    private static <T> Patch<T> orKeep(Patch<T> patch) {
        return patch == null ? Patch.keep() : patch;
    }

    /** The details after these changes, validated as a whole (a new reminder must still precede the due date). */
    TaskDetails applyTo(TaskDetails current) {
        return new TaskDetails(
                title.applyTo(current.title()),
                description.applyTo(current.description()),
                priority.applyTo(current.priority()),
                dueAt.applyTo(current.dueAt()),
                remindAt.applyTo(current.remindAt()),
                tags.applyTo(current.tags()),
                recurrence.applyTo(current.recurrence()));
    }

    /** Names of the fields whose value differs between the two versions. */
    static Set<String> changedFields(Task before, Task after) {
        var fields = new LinkedHashSet<String>();
        TaskDetails a = before.details();
        TaskDetails b = after.details();
        addIf(fields, "title", a.title(), b.title());
        addIf(fields, "description", a.description(), b.description());
        addIf(fields, "priority", a.priority(), b.priority());
        addIf(fields, "status", before.status(), after.status());
        addIf(fields, "dueAt", a.dueAt(), b.dueAt());
        addIf(fields, "remindAt", a.remindAt(), b.remindAt());
        addIf(fields, "tags", a.tags(), b.tags());
        addIf(fields, "recurrence", a.recurrence(), b.recurrence());
        return fields;
    }

    private static void addIf(Set<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }
}
