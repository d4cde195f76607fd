package io.taskflow.core.notification;

import io.taskflow.core.error.InvalidInputException;
import io.taskflow.core.event.EventType;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one user wants to be told about, and how. A user who never saved any has {@link #DEFAULTS}.
 *
 * @param events the event types that notify the user; a subset of {@link #NOTIFIABLE}
 * @param channels where notifications go
 * @param quietHours when nothing is sent outside the system; null for never
 * @param webhook where webhooks go; null for none (the webhook channel is then skipped)
 * @param digest whether the user gets the daily digest e-mail
 */
public record NotificationPreferences(
        Set<EventType> events, Set<Channel> channels, QuietHours quietHours, WebhookTarget webhook, boolean digest) {

    public static final Set<EventType> NOTIFIABLE = Collections.unmodifiableSet(EnumSet.of(
            EventType.TASK_CREATED,
            EventType.TASK_UPDATED,
            EventType.TASK_COMPLETED,
            EventType.TASK_DELETED,
            EventType.REMINDER_TRIGGERED,
            EventType.USER_AUTHENTICATED));

    public static final Set<EventType> DEFAULT_EVENTS =
            Collections.unmodifiableSet(EnumSet.of(EventType.REMINDER_TRIGGERED));
    public static final Set<Channel> DEFAULT_CHANNELS =
            Collections.unmodifiableSet(EnumSet.of(Channel.IN_APP, Channel.EMAIL));
    public static final NotificationPreferences DEFAULTS =
            new NotificationPreferences(DEFAULT_EVENTS, DEFAULT_CHANNELS, null, null, false);

    public NotificationPreferences {
        events = events(events);
        channels = channels(channels);
    }

    public boolean wants(EventType type) {
        return events.contains(type);
    }

    /** One of the notifiable type names, such as {@code task.completed}. */
    public static EventType parseEvent(String field, String name) {
        return EventType.fromTypeName(name)
                .filter(NOTIFIABLE::contains)
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        "must be one of task.created, task.updated, task.completed, task.deleted,"
                                + " reminder.triggered, user.authenticated (got '" + name + "')"));
    }

    /** An ordered, unmodifiable copy: the enum's order, so equal sets print and store alike. */
    static Set<EventType> events(Collection<EventType> events) {
        if (events == null) {
            throw new InvalidInputException("events", "must not be null");
        }
        var copy = EnumSet.noneOf(EventType.class);
        for (EventType type : events) {
            if (type == null || !NOTIFIABLE.contains(type)) {
                throw new InvalidInputException("events", type + " does not notify anyone");
            }
            copy.add(type);
        }
        return Collections.unmodifiableSet(copy);
    }

    static Set<Channel> channels(Collection<Channel> channels) {
        if (channels == null) {
            throw new InvalidInputException("channels", "must not be null");
        }
        var copy = EnumSet.noneOf(Channel.class);
        for (Channel channel : channels) {
            if (channel == null) {
                throw new InvalidInputException("channels", "must not hold null");
            }
            copy.add(channel);
        }
        return Collections.unmodifiableSet(copy);
    }
}
