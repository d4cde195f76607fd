package io.taskflow.core.notification;

import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.event.EventType;
import java.net.URI;
import java.util.Set;

/**
 * A full replacement of a user's preferences, as a user may state it: the webhook is only a URL, its secret is the
 * server's. Absent (null) events and channels take their defaults; a null quiet hours or webhook URL means none.
 * Choosing the webhook channel without a URL is refused: it could never deliver.
 */
public record PreferencesChange(
        Set<EventType> events, Set<Channel> channels, QuietHours quietHours, URI webhookUrl, boolean digest) {

    public PreferencesChange {
        events = events == null ? NotificationPreferences.DEFAULT_EVENTS : NotificationPreferences.events(events);
        channels = channels == null
                ? NotificationPreferences.DEFAULT_CHANNELS
                : NotificationPreferences.channels(channels);
        if (webhookUrl != null) {
            webhookUrl = WebhookTarget.parseUrl(webhookUrl.toString());
        }
        if (channels.contains(Channel.WEBHOOK) && webhookUrl == null) {
            throw new InvalidInputException("webhook.url", "is required when channels include webhook");
        }
    }
}
