package io.taskflow.core.event;

import io.taskflow.core.task.Patch;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskChanges;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.core.task.TaskStatus;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.core.user.User;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** One sample event of each type, with every optional value filled in ("full") or left out ("minimal"). */
public final class SampleEvents {
    public static final UUID OWNER = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static final UUID TASK_ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    public static final UUID NOTIFICATION_ID = UUID.fromString("16fd2706-8baf-433b-82eb-8c7fada847da");
    public static final UUID CAUSE_EVENT_ID = UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    public static final Instant CREATED = Instant.parse("2026-03-01T08:00:00.000001Z");
    public static final Instant AT = Instant.parse("2026-03-02T10:15:30.123456Z");

    private SampleEvents() {}

    public enum Variant {
        FULL,
        MINIMAL
    }

    /** Every type in both variants, as (type, variant, event). */
    public static Stream<Arguments> all() {
        return Stream.of(EventType.values())
                .flatMap(type -> Stream.of(Variant.values()).map(v -> Arguments.of(type, v, of(type, v))));
    }

    public static DomainEvent of(EventType type, Variant variant) {
        TaskDetails details = variant == Variant.FULL ? TaskFixtures.fullDetails() : TaskFixtures.minimalDetails();
        Task open = Task.create(TASK_ID, OWNER, details, CREATED);
        UUID eventId = new UUID(0xE0E0L, type.ordinal() * 10L + variant.ordinal());
        return switch (type) {
            case TASK_CREATED -> new TaskCreated(eventId, CREATED, OWNER, open);
            case TASK_UPDATED ->
                new TaskUpdated(
                        eventId,
                        AT,
                        OWNER,
                        open.apply(
                                new TaskChanges(
                                        Patch.set("Renamed"),
                                        null,
                                        null,
                                        Patch.set(TaskStatus.IN_PROGRESS),
                                        null,
                                        null,
                                        null,
                                        null),
                                AT),
                        Set.of("title", "status"));
            case TASK_COMPLETED -> new TaskCompleted(eventId, AT, OWNER, open.complete(AT));
            case TASK_DELETED -> new TaskDeleted(eventId, AT, OWNER, TASK_ID, 4);
            case USER_REGISTERED -> new UserRegistered(eventId, AT, user());
            case USER_AUTHENTICATED -> new UserAuthenticated(eventId, AT, user());
            case NOTIFICATION_SENT ->
                new NotificationSent(
                        eventId, AT, OWNER, NOTIFICATION_ID, "email", CAUSE_EVENT_ID, EventType.REMINDER_TRIGGERED);
            case REMINDER_TRIGGERED ->
                new ReminderTriggered(
                        eventId, AT, OWNER, TASK_ID, 3, Instant.parse("2026-03-02T10:15:00Z"), "Call the dentist");
        };
    }

    private static User user() {
        return new User(OWNER, "ann@example.com", "Ann", "$2a$12$hash-that-must-never-leave", 1, CREATED);
    }
}
