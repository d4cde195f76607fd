package io.taskflow.core.notification;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.NotificationSent;
import io.taskflow.core.port.Deliveries;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.InAppNotifications;
import io.taskflow.core.port.PreferencesStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The database half of notifying a user of an event, run once per event in the transaction that records it as
 * processed: stores the in-app notification (and its {@code notification.sent}) and one delivery per outside channel,
 * to be sent after commit by {@link DeliverNotifications}. Only the event's actor is notified.
 */
public final class NotifyUser {
    private final Transactions tx;
    private final PreferencesStore preferences;
    private final InAppNotifications inApp;
    private final Deliveries deliveries;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;

    public NotifyUser(
            Transactions tx,
            PreferencesStore preferences,
            InAppNotifications inApp,
            Deliveries deliveries,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids) {
        this.tx = tx;
        this.preferences = preferences;
        this.inApp = inApp;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
    }

    /**
     * What was recorded for one event.
     *
     * @param notificationId null when nothing was
     * @param inApp whether the in-app notification was stored
     * @param pending the outside channels left to send
     * @param skipped the outside channels recorded as skipped, with the reason
     */
    public record Recorded(UUID notificationId, boolean inApp, Set<Channel> pending, Map<Channel, String> skipped) {
        static final Recorded NOTHING = new Recorded(null, false, Set.of(), Map.of());
    }

    public Recorded record(DomainEvent event) {
        UUID user = event.actorId();
        var decision = ChannelPolicy.decide(
                preferences.find(user).orElse(NotificationPreferences.DEFAULTS), event.type(), event.occurredAt());
        if (!decision.wanted() || decision.isEmpty()) {
            return Recorded.NOTHING;
        }
        return tx.inTransaction(() -> {
            var now = time.now();
            var text = NotificationText.of(event);
            var notification = new Notification(
                    ids.newId(),
                    user,
                    event.type(),
                    event.eventId(),
                    text.taskId(),
                    text.title(),
                    text.message(),
                    now,
                    null);
            if (decision.inApp()) {
                inApp.insert(notification);
                outbox.append(new NotificationSent(
                        ids.newId(),
                        now,
                        user,
                        notification.id(),
                        Channel.IN_APP.wireName(),
                        event.eventId(),
                        event.type()));
            }
            for (Channel channel : decision.send()) {
                deliveries.insert(Delivery.of(ids.newId(), notification, channel, null, now));
            }
            decision.skipped()
                    .forEach((channel, reason) ->
                            deliveries.insert(Delivery.of(ids.newId(), notification, channel, reason, now)));
            return new Recorded(notification.id(), decision.inApp(), decision.send(), decision.skipped());
        });
    }
}
