package io.taskflow.functions.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.notification.NotificationCursor;
import io.taskflow.core.notification.NotificationQuery;
import io.taskflow.core.notification.ReadNotifications;
import io.taskflow.functions.security.CallerId;

/** The caller's in-app notifications. */
@Controller("/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "notifications")
@SecurityRequirement(name = "bearer")
final class NotificationController {
    private final ReadNotifications notifications;

    NotificationController(ReadNotifications notifications) {
        this.notifications = notifications;
    }

    @Get
    @Operation(summary = "List your in-app notifications, newest first, with cursor paging (limit at most 100).")
    NotificationResponse.Page list(
            Authentication caller,
            @Nullable @QueryValue String unread,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        var query = new NotificationQuery(
                CallerId.of(caller),
                unread(unread),
                limit == null ? NotificationQuery.DEFAULT_LIMIT : number("limit", limit),
                cursor == null ? null : NotificationCursor.decode(cursor));
        var page = notifications.list(query);
        return new NotificationResponse.Page(
                page.items().stream().map(NotificationResponse::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @Post("/{id}/read")
    @Operation(summary = "Mark one of your notifications read; idempotent.")
    @ApiResponse(responseCode = "204", description = "read")
    @ApiResponse(
            responseCode = "404",
            description = "no such notification of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<Void> read(Authentication caller, @PathVariable String id) {
        notifications.markRead(CallerId.of(caller), TaskRequests.id(id));
        return HttpResponse.noContent();
    }

    private static boolean unread(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException("unread", "must be true or false");
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}
