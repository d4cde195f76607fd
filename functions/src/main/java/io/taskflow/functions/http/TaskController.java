package io.taskflow.functions.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.task.ChangeTask;
import io.taskflow.core.task.CreateTask;
import io.taskflow.core.task.Priority;
import io.taskflow.core.task.ReadTasks;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskCursor;
import io.taskflow.core.task.TaskQuery;
import io.taskflow.core.task.TaskStatus;
import io.taskflow.functions.security.CallerId;
import java.util.UUID;

/** The task API. Every call is the caller's: ids of other users' tasks answer 404. */
@Controller("/tasks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tasks")
@SecurityRequirement(name = "bearer")
final class TaskController {
    private final CreateTask createTask;
    private final ReadTasks readTasks;
    private final ChangeTask changeTask;
    private final TaskRequests requests;
    private final IdempotentCreate idempotent;

    TaskController(
            CreateTask createTask,
            ReadTasks readTasks,
            ChangeTask changeTask,
            TaskRequests requests,
            IdempotentCreate idempotent) {
        this.createTask = createTask;
        this.readTasks = readTasks;
        this.changeTask = changeTask;
        this.requests = requests;
        this.idempotent = idempotent;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a task; publishes task.created. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "invalid or malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> create(
            Authentication caller,
            @RequestBody(content = @Content(schema = @Schema(implementation = TaskBodies.NewTask.class))) @Body
                    String body,
            @Nullable @Header(IdempotentCreate.HEADER) String key) {
        UUID owner = CallerId.of(caller);
        var details = requests.details(body);
        return idempotent.run(owner, key, body, () -> {
            Task task = createTask.create(owner, details);
            return new IdempotentCreate.Created(
                    "/tasks/" + task.id(), TaskRequests.etag(task.version()), TaskResponse.of(task));
        });
    }

    @Get
    @Operation(summary = "List the caller's tasks, newest first, with filters and cursor paging.")
    TaskResponse.Page list(
            Authentication caller,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String priority,
            @Nullable @QueryValue String tag,
            @Nullable @QueryValue String dueBefore,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        var query = new TaskQuery(
                CallerId.of(caller),
                status == null ? null : TaskStatus.parse("status", status),
                priority == null ? null : Priority.parse("priority", priority),
                tag,
                TaskRequests.instant("dueBefore", dueBefore),
                q,
                limit == null ? TaskQuery.DEFAULT_LIMIT : number("limit", limit),
                cursor == null ? null : TaskCursor.decode(cursor));
        var page = readTasks.list(query);
        return new TaskResponse.Page(
                page.items().stream().map(TaskResponse::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @Get("/{id}")
    @Operation(summary = "Read one of the caller's tasks, with its ETag.")
    @ApiResponse(
            responseCode = "404",
            description = "no such task of the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<TaskResponse> get(Authentication caller, @PathVariable String id) {
        return withTag(readTasks.get(CallerId.of(caller), TaskRequests.id(id)));
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a task (JSON Merge Patch); If-Match is honoured; publishes task.updated.")
    @ApiResponse(
            responseCode = "404",
            description = "no such task of the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "412",
            description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<TaskResponse> update(
            Authentication caller,
            @PathVariable String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = TaskBodies.TaskPatch.class))) @Body
                    String body,
            @Nullable @Header("If-Match") String ifMatch) {
        var changes = requests.changes(body);
        return withTag(changeTask.update(
                CallerId.of(caller), TaskRequests.id(id), TaskRequests.expectedVersion(ifMatch), changes));
    }

    @Post("/{id}/complete")
    @Operation(summary = "Complete a task; idempotent; publishes task.completed once.")
    HttpResponse<TaskResponse> complete(
            Authentication caller, @PathVariable String id, @Nullable @Header("If-Match") String ifMatch) {
        return withTag(
                changeTask.complete(CallerId.of(caller), TaskRequests.id(id), TaskRequests.expectedVersion(ifMatch)));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a task; If-Match is honoured; publishes task.deleted.")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(
            responseCode = "412",
            description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> delete(
            Authentication caller, @PathVariable String id, @Nullable @Header("If-Match") String ifMatch) {
        changeTask.delete(CallerId.of(caller), TaskRequests.id(id), TaskRequests.expectedVersion(ifMatch));
        return HttpResponse.noContent();
    }

    private static HttpResponse<TaskResponse> withTag(Task task) {
        return HttpResponse.ok(TaskResponse.of(task)).header("ETag", TaskRequests.etag(task.version()));
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}
