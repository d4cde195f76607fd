package io.taskflow.core.event;

import java.util.Arrays;
import java.util.Optional;

/** The eight event types. Each name is also the CloudEvents {@code type} and the topic the event travels on. */
public enum EventType {
    TASK_CREATED("task.created"),
    TASK_UPDATED("task.updated"),
    TASK_COMPLETED("task.completed"),
    TASK_DELETED("task.deleted"),
    USER_REGISTERED("user.registered"),
    USER_AUTHENTICATED("user.authenticated"),
    NOTIFICATION_SENT("notification.sent"),
    REMINDER_TRIGGERED("reminder.triggered");

    /** The schema version every event of this release is written with. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private final String typeName;

    EventType(String typeName) {
        this.typeName = typeName;
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
