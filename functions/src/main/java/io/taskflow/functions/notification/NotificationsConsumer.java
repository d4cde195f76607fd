package io.taskflow.functions.notification;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.DeliverNotifications;
import io.taskflow.core.notification.DeliveryOutcome;
import io.taskflow.core.notification.NotificationPreferences;
import io.taskflow.core.notification.NotifyUser;
import io.taskflow.core.notification.SendOutcome;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.consumer.TaskOwnership;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies the actor of each event they chose: in the inbox transaction, stores the in-app notification and the
 * deliveries to send; after commit, sends them (each claimed first, so at most once) and throws when one failed, so
 * that the event comes back and the failed ones are tried again.
 */
@Singleton
public class NotificationsConsumer implements EventConsumer {
    public static final String NAME = "notifications";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationsConsumer.class);

    private final NotifyUser notifyUser;
    private final DeliverNotifications deliver;
    private final NotificationMetrics metrics;
    private final ApplicationEventPublisher<NotificationMetrics.InAppStored> stored;
    private final TaskOwnership ownership;

    NotificationsConsumer(
            NotifyUser notifyUser,
            DeliverNotifications deliver,
            NotificationMetrics metrics,
            ApplicationEventPublisher<NotificationMetrics.InAppStored> stored,
            TaskOwnership ownership) {
        this.notifyUser = notifyUser;
        this.deliver = deliver;
        this.metrics = metrics;
        this.stored = stored;
        this.ownership = ownership;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return NotificationPreferences.NOTIFIABLE;
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        // The user named by the event gets the task's title: only if the task's own record says it is theirs.
        ownership.confirm(event);
        var recorded = notifyUser.record(event);
        if (recorded.inApp()) {
            stored.publishEvent(new NotificationMetrics.InAppStored(recorded.notificationId()));
        }
    }

    @Override
    public void afterCommit(DomainEvent event, EventEnvelope envelope) {
        List<DeliveryOutcome> outcomes = deliver.deliver(event);
        for (DeliveryOutcome o : outcomes) {
            var d = o.delivery();
            if (o.sent()) {
                metrics.sent(d.channel());
            } else if (o.outcome() instanceof SendOutcome.Skipped skipped) {
                LOG.info(
                        "{} delivery {} of {} skipped: {}",
                        d.channel().wireName(),
                        d.id(),
                        envelope.id(),
                        skipped.reason());
            }
        }
        var failed = outcomes.stream().filter(DeliveryOutcome::failed).toList();
        if (!failed.isEmpty()) {
            throw new DeliveryFailedException(failed);
        }
    }
}
