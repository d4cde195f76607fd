package io.taskflow.functions.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
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
import io.taskflow.core.audit.AuditCursor;
import io.taskflow.core.audit.AuditQuery;
import io.taskflow.core.audit.ReadAudit;
import io.taskflow.functions.security.CallerId;

/**
 * The caller's own audit trail of one aggregate. Entries of other users are never shown: asking about someone else's
 * task or account gives an empty page, exactly like a subject nothing happened to.
 */
@Controller("/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "audit")
@SecurityRequirement(name = "bearer")
final class AuditController {
    private final ReadAudit readAudit;
    private final JsonMapper json;

    AuditController(ReadAudit readAudit, JsonMapper json) {
        this.readAudit = readAudit;
        this.json = json;
    }

    @Get
    @Operation(
            summary = "The caller's audit entries about one subject (a task id, or the caller's user id), oldest first,"
                    + " with cursor paging.")
    @ApiResponse(
            responseCode = "400",
            description = "subject missing or not a UUID; limit outside 1-200; cursor not from this API",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    AuditResponse.Page list(
            Authentication caller,
            @Nullable @QueryValue String subject,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        var query = new AuditQuery(
                CallerId.of(caller),
                QueryValues.requiredUuid("subject", subject),
                QueryValues.number("limit", limit, AuditQuery.DEFAULT_LIMIT),
                cursor == null ? null : AuditCursor.decode(cursor));
        var page = readAudit.page(query);
        return new AuditResponse.Page(
                page.entries().stream().map(e -> AuditResponse.of(e, json)).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
