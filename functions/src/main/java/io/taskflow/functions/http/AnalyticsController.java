package io.taskflow.functions.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
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
import io.taskflow.core.analytics.AnalyticsScope;
import io.taskflow.core.analytics.ReadAnalytics;
import io.taskflow.core.analytics.SummaryPeriod;
import io.taskflow.core.error.InvalidInputException;
import io.taskflow.functions.security.CallerId;

/** Daily task numbers: the caller's own, or everyone's for administrators. */
@Controller("/analytics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
@SecurityRequirement(name = "bearer")
final class AnalyticsController {
    static final String OWN = "own";
    static final String ALL = "all";

    private final ReadAnalytics analytics;

    AnalyticsController(ReadAnalytics analytics) {
        this.analytics = analytics;
    }

    @Get("/summary")
    @Operation(
            summary = "Tasks created, completed and overdue, and completion time, per UTC day of [from, to] and in"
                    + " total. Defaults to the last 7 days; at most 366 days. scope=all (role ADMIN) sums every user.")
    @ApiResponse(
            responseCode = "400",
            description = "a date that is not YYYY-MM-DD, from after to, more than 366 days, an unknown scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "403",
            description = "scope=all without role ADMIN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    AnalyticsResponse summary(
            Authentication caller,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String scope) {
        String named = scope == null ? OWN : scope;
        if (!named.equals(OWN) && !named.equals(ALL)) {
            throw new InvalidInputException("scope", "must be " + OWN + " or " + ALL);
        }
        SummaryPeriod period = SummaryPeriod.parse(from, to, analytics.today());
        AnalyticsScope whose;
        if (named.equals(ALL)) {
            if (!caller.getRoles().contains(AdminAuditController.ADMIN)) {
                throw new HttpStatusException(HttpStatus.FORBIDDEN, "scope=all needs the role ADMIN");
            }
            whose = AnalyticsScope.everyone();
        } else {
            whose = AnalyticsScope.owner(CallerId.of(caller));
        }
        return AnalyticsResponse.of(named, analytics.summary(whose, period));
    }
}
