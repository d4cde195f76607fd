package io.taskflow.functions.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskflow.functions.analytics.AnalyticsRebuild;

/** Rebuilds the analytics read model from the audit trail (after a restore, or when it is in doubt). */
@Controller("/admin/analytics")
@Secured(AdminAuditController.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
final class AdminAnalyticsController {
    private final AnalyticsRebuild rebuild;

    AdminAnalyticsController(AnalyticsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Post("/rebuild")
    @Operation(
            summary = "Empty the analytics projection and daily counters and replay the audit trail's task events"
                    + " into them, in one transaction (role ADMIN).")
    AnalyticsRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
