package io.taskflow.core.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One webhook call as Standard Webhooks defines it.
 *
 * @param webhookId the same on every attempt of one delivery, so a receiver can drop repeats
 * @param timestamp the time of this attempt; signed with the body, so a receiver can refuse old replays
 * @param notification the content of the body
 */
public record WebhookMessage(String webhookId, WebhookTarget target, Instant timestamp, Notification notification) {
    public WebhookMessage {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(notification, "notification");
    }
}
