package io.taskflow.core.event;

import io.taskflow.core.task.Priority;
import io.taskflow.core.task.RecurrenceRule;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.core.task.TaskStatus;
import io.taskflow.core.user.User;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inverse of {@link EventData}: turns a received event's data back into the domain event, so that every handler
 * works on typed values. Fields unknown to this release are ignored (a newer writer may add optional ones).
 *
 * <p>A user read back from an event has no password hash: the contract never carries one.
 */
public final class EventReader {

    private EventReader() {}

    /**
     * @throws IllegalArgumentException when a field the type requires is missing or malformed
     */
    public static DomainEvent read(EventType type, UUID eventId, Map<String, ?> data) {
        try {
            return switch (type) {
                case TASK_CREATED -> new TaskCreated(eventId, at(data, "occurredAt"), id(data, "userId"), task(data));
                case TASK_UPDATED ->
                    new TaskUpdated(
                            eventId,
                            at(data, "occurredAt"),
                            id(data, "userId"),
                            task(data),
                            new HashSet<>(strings(data, "changedFields")));
                case TASK_COMPLETED ->
                    new TaskCompleted(eventId, at(data, "occurredAt"), id(data, "userId"), task(data));
                case TASK_DELETED ->
                    new TaskDeleted(
                            eventId,
                            at(data, "occurredAt"),
                            id(data, "userId"),
                            id(data, "taskId"),
                            number(data, "version"));
                case USER_REGISTERED -> new UserRegistered(eventId, at(data, "occurredAt"), user(data));
                case USER_AUTHENTICATED ->
                    new UserAuthenticated(
                            eventId,
                            at(data, "occurredAt"),
                            new User(
                                    id(data, "userId"), "", null, "", number(data, "version"), at(data, "occurredAt")));
                case NOTIFICATION_SENT ->
                    new NotificationSent(
                            eventId,
                            at(data, "occurredAt"),
                            id(data, "userId"),
                            id(data, "notificationId"),
                            text(data, "channel"),
                            id(data, "causeEventId"),
                            EventType.fromTypeName(text(data, "causeType"))
                                    .orElseThrow(() -> new IllegalArgumentException("causeType is not an event type")));
                case REMINDER_TRIGGERED ->
                    new ReminderTriggered(
                            eventId,
                            at(data, "occurredAt"),
                            id(data, "userId"),
                            id(data, "taskId"),
                            number(data, "version"),
                            at(data, "remindAt"),
                            text(data, "title"));
            };
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(type.typeName() + " data is malformed: " + e.getMessage(), e);
        }
    }

    private static Task task(Map<String, ?> data) {
        String recurrence = optionalText(data, "recurrence");
        var details = new TaskDetails(
                text(data, "title"),
                optionalText(data, "description"),
                Priority.valueOf(text(data, "priority")),
                optionalAt(data, "dueAt"),
                optionalAt(data, "remindAt"),
                strings(data, "tags"),
                recurrence == null ? null : RecurrenceRule.parse(recurrence));
        return new Task(
                id(data, "taskId"),
                id(data, "ownerId"),
                details,
                TaskStatus.valueOf(text(data, "status")),
                number(data, "version"),
                at(data, "createdAt"),
                at(data, "occurredAt"),
                optionalAt(data, "completedAt"));
    }

    private static User user(Map<String, ?> data) {
        return new User(
                id(data, "userId"),
                text(data, "email"),
                optionalText(data, "displayName"),
                "",
                number(data, "version"),
                at(data, "occurredAt"));
    }

    private static Object required(Map<String, ?> data, String field) {
        Object value = data.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static String text(Map<String, ?> data, String field) {
        return required(data, field).toString();
    }

    private static String optionalText(Map<String, ?> data, String field) {
        Object value = data.get(field);
        return value == null ? null : value.toString();
    }

    private static UUID id(Map<String, ?> data, String field) {
        return UUID.fromString(text(data, field));
    }

    private static Instant at(Map<String, ?> data, String field) {
        return Instant.parse(text(data, field));
    }

    private static Instant optionalAt(Map<String, ?> data, String field) {
        String value = optionalText(data, field);
        return value == null ? null : Instant.parse(value);
    }

    private static long number(Map<String, ?> data, String field) {
        Object value = required(data, field);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException(field + " must be a number");
    }

    private static List<String> strings(Map<String, ?> data, String field) {
        Object value = data.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new IllegalArgumentException(field + " must be a list");
    }
}
