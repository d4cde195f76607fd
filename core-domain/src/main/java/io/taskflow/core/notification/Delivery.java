package io.taskflow.core.notification;

import io.taskflow.core.event.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification on one outside channel (e-mail or webhook), and its outcome.
 *
 * @param id stable across attempts: the webhook id a receiver deduplicates by
 * @param detail why it was skipped, or the last error; null otherwise
 * @param attempts how many times it was claimed for sending
 */
public record Delivery(
        UUID id,
        UUID notificationId,
        UUID userId,
        UUID causeEventId,
        EventType causeType,
        Channel channel,
        DeliveryState state,
        String detail,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_DETAIL = 1_000;

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(causeEventId, "causeEventId");
        Objects.requireNonNull(causeType, "causeType");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        if (!channel.isOutside()) {
            throw new IllegalArgumentException("in-app notifications are stored, not delivered");
        }
        detail = clip(detail);
    }

    /** A new delivery, to send ({@code reason} null) or skipped for {@code reason}. */
    static Delivery of(UUID id, Notification about, Channel channel, String reason, Instant now) {
        return new Delivery(
                id,
                about.id(),
                about.userId(),
                about.causeEventId(),
                about.causeType(),
                channel,
                reason == null ? DeliveryState.PENDING : DeliveryState.SKIPPED,
                reason,
                0,
                now,
                now);
    }

    /** Errors can be long (a server's whole answer); the first part says enough. */
    public static String clip(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
