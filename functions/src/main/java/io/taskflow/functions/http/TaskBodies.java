package io.taskflow.functions.http;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The request bodies of the task API as the OpenAPI document shows them. The controllers read bodies themselves
 * ({@link TaskRequests}), to tell absent from null and to refuse unknown fields; these records only describe them.
 */
final class TaskBodies {
    /** What the OpenAPI document says about a recurrence rule; docs/api.md has the whole syntax. */
    static final String RULE = "RFC 5545 RRULE subset: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, optional INTERVAL=1..366,"
            + " BYDAY=MO,TU,... (weekly only), and COUNT=1..10000 or UNTIL=20301231T235959Z (or a date); answered in"
            + " canonical form";

    private TaskBodies() {}

    @Schema(name = "NewTask", description = "Unknown fields are refused.")
    record NewTask(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200)
            String title,

            @Schema(nullable = true, maxLength = 5000) String description,

            @Schema(
                    nullable = true,
                    allowableValues = {"LOW", "MEDIUM", "HIGH", "URGENT"},
                    defaultValue = "MEDIUM")
            String priority,

            @Schema(nullable = true, format = "date-time", example = "2030-01-31T09:00:00Z")
            String dueAt,

            @Schema(nullable = true, format = "date-time", description = "not after dueAt")
            String remindAt,

            @Schema(nullable = true, maxLength = 20, description = "each 1-40 letters, digits or _ . : -")
            List<String> tags,

            @Schema(nullable = true, maxLength = 200, example = "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", description = RULE)
            String recurrence) {}

    @Schema(
            name = "TaskPatch",
            description = "JSON Merge Patch (RFC 7396): an absent field is kept, null clears it, a value sets it."
                    + " title, priority and status cannot be cleared; COMPLETED is reached through /complete.")
    record TaskPatch(
            @Schema(minLength = 1, maxLength = 200) String title,
            @Schema(nullable = true, maxLength = 5000) String description,

            @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "URGENT"})
            String priority,

            @Schema(allowableValues = {"OPEN", "IN_PROGRESS"})
            String status,

            @Schema(nullable = true, format = "date-time") String dueAt,
            @Schema(nullable = true, format = "date-time") String remindAt,
            @Schema(nullable = true) List<String> tags,

            @Schema(nullable = true, maxLength = 200, example = "FREQ=DAILY", description = RULE)
            String recurrence) {}
}
