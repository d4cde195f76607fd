package io.taskflow.core.notification;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.NotificationSent;
import io.taskflow.core.port.Deliveries;
import io.taskflow.core.port.EmailSender;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.PreferencesStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.port.UserContacts;
import io.taskflow.core.port.WebhookSender;
import java.util.ArrayList;
import java.util.List;

/**
 * The outside half of notifying a user, run after the event's transaction committed and again on every redelivery:
 * each delivery of the event not yet sent is claimed (committed), sent, then marked sent together with its {@code
 * notification.sent}, or marked failed to be tried on the next delivery of the event. A delivery left claimed by a
 * crash is never sent again: at most once.
 */
public final class DeliverNotifications {
    public static final String NO_EMAIL_ADDRESS = "no e-mail address";

    private final Transactions tx;
    private final Deliveries deliveries;
    private final PreferencesStore preferences;
    private final UserContacts contacts;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;

    public DeliverNotifications(
            Transactions tx,
            Deliveries deliveries,
            PreferencesStore preferences,
            UserContacts contacts,
            EmailSender email,
            WebhookSender webhooks,
            EventOutbox outbox,
            TimeSource time,
            IdGenerator ids) {
        this.tx = tx;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.contacts = contacts;
        this.email = email;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
    }

    /** The deliveries attempted now; the caller retries the event when one of them failed. */
    public List<DeliveryOutcome> deliver(DomainEvent event) {
        var attempted = new ArrayList<DeliveryOutcome>();
        for (Delivery delivery : deliveries.ofCause(event.eventId())) {
            if (!delivery.state().claimable()) {
                continue;
            }
            if (!tx.inTransaction(() -> deliveries.claim(delivery.id(), time.now()))) {
                continue;
            }
            SendOutcome outcome = send(delivery, event);
            tx.inTransaction(() -> {
                finish(delivery, outcome);
                return null;
            });
            attempted.add(new DeliveryOutcome(delivery, outcome));
        }
        return attempted;
    }

    private SendOutcome send(Delivery delivery, DomainEvent event) {
        try {
            var text = NotificationText.of(event);
            var notification = new Notification(
                    delivery.notificationId(),
                    delivery.userId(),
                    delivery.causeType(),
                    delivery.causeEventId(),
                    text.taskId(),
                    text.title(),
                    text.message(),
                    delivery.createdAt(),
                    null);
            return switch (delivery.channel()) {
                case EMAIL ->
                    contacts.find(delivery.userId())
                            .map(contact -> email.send(NotificationEmail.of(contact, notification)))
                            .orElseGet(() -> new SendOutcome.Skipped(NO_EMAIL_ADDRESS));
                case WEBHOOK ->
                    preferences
                            .find(delivery.userId())
                            .map(NotificationPreferences::webhook)
                            .map(target -> webhooks.send(
                                    new WebhookMessage(delivery.id().toString(), target, time.now(), notification)))
                            .orElseGet(() -> new SendOutcome.Skipped(ChannelPolicy.NO_WEBHOOK_URL));
                case IN_APP -> throw new IllegalStateException("in-app notifications are not delivered");
            };
        } catch (RuntimeException e) {
            // A sender that throws instead of answering failed all the same; the delivery must not stay claimed.
            return new SendOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void finish(Delivery delivery, SendOutcome outcome) {
        var now = time.now();
        if (outcome instanceof SendOutcome.Sent) {
            deliveries.finish(delivery.id(), DeliveryState.SENT, null, now);
            outbox.append(new NotificationSent(
                    ids.newId(),
                    now,
                    delivery.userId(),
                    delivery.notificationId(),
                    delivery.channel().wireName(),
                    delivery.causeEventId(),
                    delivery.causeType()));
        } else if (outcome instanceof SendOutcome.Skipped skipped) {
            deliveries.finish(delivery.id(), DeliveryState.SKIPPED, skipped.reason(), now);
        } else if (outcome instanceof SendOutcome.Failed failed) {
            deliveries.finish(delivery.id(), DeliveryState.FAILED, failed.error(), now);
        }
    }
}
