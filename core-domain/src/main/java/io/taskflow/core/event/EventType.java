package io.taskflow.core.event;

import java.util.Arrays;
import java.util.Optional;

/** The eight event types. Each name is also the CloudEvents {@code type} and the topic the event travels on. */
public enum EventType {
    TASK_CREATED("task.created", 1),
    TASK_UPDATED("task.updated", 1),
    TASK_COMPLETED("task.completed", 1),
    TASK_DELETED("task.deleted", 1),
    USER_REGISTERED("user.registered", 1),
    USER_AUTHENTICATED("user.authenticated", 1),
    NOTIFICATION_SENT("notification.sent", 1),
    REMINDER_TRIGGERED("reminder.triggered", 1);

    private final String typeName;
    private final int schemaVersion;

    EventType(String typeName, int schemaVersion) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
    }

    /** The schema version this release writes events of this type with; each type is versioned on its own. */
    public int schemaVersion() {
        return schemaVersion;
    }

    public String typeName() {
        return typeName;
    }

    /** The CloudEvents {@code dataschema}: names the type and the schema version. */
    public String dataSchema(int schemaVersion) {
        return "urn:taskflow:schema:" + typeName + ":v" + schemaVersion;
    }

    /** Classpath location of the Avro schema of this type and version. */
    public String schemaResource(int schemaVersion) {
        return "/schemas/" + typeName + "/v" + schemaVersion + ".avsc";
    }

    public static Optional<EventType> fromTypeName(String name) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(name)).findFirst();
    }
}
