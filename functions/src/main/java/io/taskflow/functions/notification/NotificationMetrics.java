package io.taskflow.functions.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.taskflow.core.notification.Channel;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * {@code taskflow.notifications.sent{channel}}: counts a notification once it is committed as sent: an e-mail or
 * webhook marked sent, an in-app notification stored.
 */
@Singleton
public class NotificationMetrics {
    public static final String SENT = "taskflow.notifications.sent";

    private final MeterRegistry meters;

    NotificationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Published inside the transaction that stored an in-app notification; counted only if it commits. */
    public record InAppStored(UUID notificationId) {}

    public void sent(Channel channel) {
        meters.counter(SENT, "channel", channel.wireName()).increment();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onInAppStored(InAppStored stored) {
        sent(Channel.IN_APP);
    }
}
