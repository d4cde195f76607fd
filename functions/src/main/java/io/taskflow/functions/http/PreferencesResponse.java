package io.taskflow.functions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.NotificationPreferences;
import java.util.List;

/** A user's notification preferences as the API shows them; every field is always present. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "NotificationPreferences")
public record PreferencesResponse(
        @Schema(description = "event types that notify you", example = "[\"reminder.triggered\", \"task.completed\"]")
        List<String> events,

        @Schema(description = "email, webhook, in-app", example = "[\"in-app\", \"email\"]")
        List<String> channels,

        @Schema(nullable = true) QuietHoursBody quietHours,
        @Schema(nullable = true) WebhookResponse webhook,
        boolean digest) {

    /** @param timeZone an IANA zone such as Europe/Berlin */
    @Serdeable
    @Schema(name = "QuietHours", description = "start inclusive, end exclusive; a start after the end wraps midnight")
    public record QuietHoursBody(
            @Schema(example = "22:00") String start,
            @Schema(example = "07:00") String end,
            @Schema(example = "Europe/Berlin") String timeZone) {}

    /** @param secret made by the server when the URL is first set; verify the webhook-signature header with it */
    @Serdeable
    @Schema(name = "WebhookTarget")
    public record WebhookResponse(
            String url, @Schema(example = "whsec_...") String secret) {}

    static PreferencesResponse of(NotificationPreferences p) {
        var quiet = p.quietHours();
        var webhook = p.webhook();
        return new PreferencesResponse(
                p.events().stream().map(EventType::typeName).toList(),
                p.channels().stream().map(Channel::wireName).toList(),
                quiet == null
                        ? null
                        : new QuietHoursBody(
                                quiet.startText(),
                                quiet.endText(),
                                quiet.timeZone().getId()),
                webhook == null ? null : new WebhookResponse(webhook.url().toString(), webhook.secret()),
                p.digest());
    }
}
