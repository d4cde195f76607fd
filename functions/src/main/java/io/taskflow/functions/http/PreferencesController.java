package io.taskflow.functions.http;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
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
import io.taskflow.core.notification.ManagePreferences;
import io.taskflow.functions.notification.WebhookDestinations;
import io.taskflow.functions.security.CallerId;

/** The caller's notification preferences. */
@Controller("/me/preferences")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "notifications")
@SecurityRequirement(name = "bearer")
final class PreferencesController {
    private final ManagePreferences preferences;
    private final PreferencesRequests requests;
    private final WebhookDestinations destinations;

    PreferencesController(
            ManagePreferences preferences, PreferencesRequests requests, WebhookDestinations destinations) {
        this.preferences = preferences;
        this.requests = requests;
        this.destinations = destinations;
    }

    @Get
    @Operation(summary = "Read your notification preferences; the defaults until you save any.")
    PreferencesResponse get(Authentication caller) {
        return PreferencesResponse.of(preferences.get(CallerId.of(caller)));
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace your notification preferences as a whole. Absent fields take their defaults; the"
                    + " webhook secret is made when a webhook URL is first set and kept when the URL changes.")
    @ApiResponse(
            responseCode = "400",
            description = "invalid or unknown field; a webhook URL whose host resolves to a loopback, private,"
                    + " link-local or metadata address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PreferencesResponse put(
            Authentication caller,
            @RequestBody(content = @Content(schema = @Schema(implementation = PreferencesBody.class))) @Body
                    String body) {
        var change = requests.change(body);
        destinations.checkSaved(change.webhookUrl());
        return PreferencesResponse.of(preferences.replace(CallerId.of(caller), change));
    }

    /** The request body as the OpenAPI document shows it; {@link PreferencesRequests} reads the real one. */
    @Schema(name = "NotificationPreferencesChange", description = "Unknown fields are refused.")
    record PreferencesBody(
            @Schema(
                    nullable = true,
                    description = "subset of task.created, task.updated, task.completed, task.deleted,"
                            + " reminder.triggered, user.authenticated; default [reminder.triggered]")
            java.util.List<String> events,

            @Schema(nullable = true, description = "subset of email, webhook, in-app; default [in-app, email]")
            java.util.List<String> channels,

            @Schema(nullable = true) PreferencesResponse.QuietHoursBody quietHours,

            @Schema(
                    nullable = true,
                    description = "{url}: an absolute http or https URL whose host resolves to public addresses only")
            WebhookUrl webhook,

            @Schema(nullable = true, defaultValue = "false") Boolean digest) {}

    @Schema(name = "WebhookUrl")
    record WebhookUrl(String url) {}
}
