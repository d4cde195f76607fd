package io.taskflow.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as the API shows it. Absent optional values are written as null, so every task has the same shape. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskResponse(
        UUID id,
        String title,
        String description,
        String priority,
        String status,
        Instant dueAt,
        Instant remindAt,
        List<String> tags,
        String recurrence,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    static TaskResponse of(Task t) {
        var d = t.details();
        return new TaskResponse(
                t.id(),
                d.title(),
                d.description(),
                d.priority().name(),
                t.status().name(),
                d.dueAt(),
                d.remindAt(),
                d.tags(),
                d.recurrence() == null ? null : d.recurrence().toString(),
                t.version(),
                t.createdAt(),
                t.updatedAt(),
                t.completedAt());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<TaskResponse> items, String nextCursor) {}
}
