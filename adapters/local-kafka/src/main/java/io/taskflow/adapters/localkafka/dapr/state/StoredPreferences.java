package io.taskflow.adapters.localkafka.dapr.state;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.Channel;
import io.taskflow.core.notification.NotificationPreferences;
import io.taskflow.core.notification.QuietHours;
import io.taskflow.core.notification.WebhookTarget;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** A user's preferences as the state store keeps them: one JSON value per user, the same fields as the table. */
@Serdeable
record StoredPreferences(
        List<String> events,
        List<String> channels,
        @Nullable Quiet quietHours,
        @Nullable Webhook webhook,
        boolean digest) {

    @Serdeable
    record Quiet(String start, String end, String timeZone) {}

    @Serdeable
    record Webhook(String url, String secret) {}

    static StoredPreferences of(NotificationPreferences p) {
        var quiet = p.quietHours();
        var webhook = p.webhook();
        return new StoredPreferences(
                p.events().stream().map(EventType::typeName).toList(),
                p.channels().stream().map(Channel::wireName).toList(),
                quiet == null
                        ? null
                        : new Quiet(
                                quiet.startText(),
                                quiet.endText(),
                                quiet.timeZone().getId()),
                webhook == null ? null : new Webhook(webhook.url().toString(), webhook.secret()),
                p.digest());
    }

    NotificationPreferences preferences() {
        return new NotificationPreferences(
                events.stream()
                        .map(name -> NotificationPreferences.parseEvent("events", name))
                        .collect(Collectors.toSet()),
                channels.stream().map(name -> Channel.parse("channels", name)).collect(Collectors.toSet()),
                quietHours == null
                        ? null
                        : QuietHours.parse(quietHours.start(), quietHours.end(), quietHours.timeZone()),
                webhook == null ? null : new WebhookTarget(URI.create(webhook.url()), webhook.secret()),
                digest);
    }
}
