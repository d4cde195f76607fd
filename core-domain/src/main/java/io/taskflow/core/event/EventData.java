package io.taskflow.core.event;

import io.taskflow.core.task.Task;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The data part of each event as the contract defines it (see the Avro schemas under {@code /schemas}): plain values
 * (strings, numbers, booleans, lists, null) in a fixed order, ready for any JSON writer.
 */
public final class EventData {

    private EventData() {}

    public static Map<String, Object> of(DomainEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("schemaVersion", event.type().schemaVersion());
        if (event instanceof TaskSnapshotEvent e) {
            task(data, e, e.task());
            if (e instanceof TaskUpdated updated) {
                data.put(
                        "changedFields",
                        updated.changedFields().stream().sorted().toList());
            }
        } else if (event instanceof TaskDeleted e) {
            head(data, "taskId", e);
        } else if (event instanceof UserRegistered e) {
            head(data, "userId", e);
            data.put("email", e.user().email());
            data.put("displayName", e.user().displayName());
        } else if (event instanceof UserAuthenticated e) {
            head(data, "userId", e);
        } else if (event instanceof NotificationSent e) {
            head(data, "notificationId", e);
            data.put("channel", e.channel());
            data.put("causeEventId", text(e.causeEventId()));
            data.put("causeType", e.causeType().typeName());
        } else if (event instanceof ReminderTriggered e) {
            head(data, "taskId", e);
            data.put("remindAt", text(e.remindAt()));
            data.put("title", e.title());
        }
        return data;
    }

    private static void head(Map<String, Object> data, String idField, DomainEvent e) {
        if (!idField.equals("userId")) {
            data.put(idField, text(e.aggregateId()));
        }
        data.put("userId", text(e.actorId()));
        data.put("version", e.version());
        data.put("occurredAt", text(e.occurredAt()));
    }

    private static void task(Map<String, Object> data, DomainEvent e, Task task) {
        head(data, "taskId", e);
        data.put("ownerId", text(task.ownerId()));
        data.put("title", task.details().title());
        data.put("description", task.details().description());
        data.put("priority", task.details().priority().name());
        data.put("status", task.status().name());
        data.put("dueAt", text(task.details().dueAt()));
        data.put("remindAt", text(task.details().remindAt()));
        data.put("tags", List.copyOf(task.details().tags()));
        data.put(
                "recurrence",
                task.details().recurrence() == null
                        ? null
                        : task.details().recurrence().toString());
        data.put("createdAt", text(task.createdAt()));
        data.put("completedAt", text(task.completedAt()));
    }

    private static String text(UUID id) {
        return Objects.toString(id, null);
    }

    private static String text(Instant at) {
        return Objects.toString(at, null);
    }
}
