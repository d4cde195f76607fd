package io.taskflow.core.testing;

import io.taskflow.core.task.Priority;
import io.taskflow.core.task.RecurrenceRule;
import io.taskflow.core.task.TaskDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Valid task details for tests: {@code TaskFixtures.details().title("x").dueAt("2026-05-01T09:00:00Z").build()}. */
public final class TaskFixtures {
    public static final String TITLE = "Write the quarterly report";

    private TaskFixtures() {}

    /** A builder preset with a valid title and nothing else. */
    public static DetailsBuilder details() {
        return new DetailsBuilder();
    }

    /** Valid details with every optional field filled in. */
    public static TaskDetails fullDetails() {
        return details()
                .description("Numbers from finance, charts from design.")
                .priority(Priority.HIGH)
                .dueAt("2026-03-31T17:00:00Z")
                .remindAt("2026-03-30T09:00:00Z")
                .tags("work", "q1")
                .recurrence("FREQ=MONTHLY;INTERVAL=3")
                .build();
    }

    public static TaskDetails minimalDetails() {
        return details().build();
    }

    public static final class DetailsBuilder {
        private String title = TITLE;
        private String description;
        private Priority priority;
        private Instant dueAt;
        private Instant remindAt;
        private List<String> tags;
        private RecurrenceRule recurrence;

        private DetailsBuilder() {}

        public DetailsBuilder title(String title) {
            this.title = title;
            return this;
        }

        public DetailsBuilder description(String description) {
            this.description = description;
            return this;
        }

        public DetailsBuilder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public DetailsBuilder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        public DetailsBuilder dueAt(String isoInstant) {
            return dueAt(isoInstant == null ? null : Instant.parse(isoInstant));
        }

        public DetailsBuilder remindAt(Instant remindAt) {
            this.remindAt = remindAt;
            return this;
        }

        public DetailsBuilder remindAt(String isoInstant) {
            return remindAt(isoInstant == null ? null : Instant.parse(isoInstant));
        }

        public DetailsBuilder tags(String... tags) {
            return tags(tags == null ? null : new ArrayList<>(Arrays.asList(tags)));
        }

        public DetailsBuilder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public DetailsBuilder recurrence(RecurrenceRule recurrence) {
            this.recurrence = recurrence;
            return this;
        }

        public DetailsBuilder recurrence(String rule) {
            return recurrence(rule == null ? null : RecurrenceRule.parse(rule));
        }

        public TaskDetails build() {
            return new TaskDetails(title, description, priority, dueAt, remindAt, tags, recurrence);
        }
    }
}
