package io.taskflow.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.core.event.SampleEvents.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values that the schemas cannot express: formats, sources and what must never be published. */
class EventDataTest {

    @Test
    void everyEventCarriesTheCurrentSchemaVersionTheActorTheVersionAndAnIsoTime() {
        for (EventType type : EventType.values()) {
            DomainEvent event = SampleEvents.of(type, Variant.FULL);
            Map<String, Object> data = EventData.of(event);

            assertThat(data.get("schemaVersion")).as(type.typeName()).isEqualTo(type.schemaVersion());
            assertThat(data.get("userId"))
                    .as(type.typeName())
                    .isEqualTo(event.actorId().toString());
            assertThat(data.get("version")).as(type.typeName()).isEqualTo(event.version());
            assertThat(Instant.parse((String) data.get("occurredAt")))
                    .as(type.typeName())
                    .isEqualTo(event.occurredAt());
        }
    }

    @Test
    void aFullTaskEventCarriesEveryDetailAsText() {
        var event = (TaskCreated) SampleEvents.of(EventType.TASK_CREATED, Variant.FULL);
        var details = event.task().details();

        Map<String, Object> data = EventData.of(event);

        assertThat(data)
                .containsEntry("taskId", SampleEvents.TASK_ID.toString())
                .containsEntry("ownerId", SampleEvents.OWNER.toString())
                .containsEntry("title", details.title())
                .containsEntry("description", details.description())
                .containsEntry("priority", "HIGH")
                .containsEntry("status", "OPEN")
                .containsEntry("dueAt", details.dueAt().toString())
                .containsEntry("remindAt", details.remindAt().toString())
                .containsEntry("tags", List.of("work", "q1"))
                .containsEntry("recurrence", "FREQ=MONTHLY;INTERVAL=3")
                .containsEntry("createdAt", "2026-03-01T08:00:00.000001Z")
                .containsEntry("completedAt", null);
    }

    @Test
    void aMinimalTaskEventCarriesNullsAndAnEmptyTagList() {
        Map<String, Object> data = EventData.of(SampleEvents.of(EventType.TASK_CREATED, Variant.MINIMAL));

        assertThat(data)
                .containsEntry("description", null)
                .containsEntry("dueAt", null)
                .containsEntry("remindAt", null)
                .containsEntry("recurrence", null)
                .containsEntry("tags", List.of())
                .containsEntry("priority", "MEDIUM");
    }

    @Test
    void taskUpdatedListsItsChangedFieldsSorted() {
        Map<String, Object> data = EventData.of(SampleEvents.of(EventType.TASK_UPDATED, Variant.FULL));

        assertThat(data.get("changedFields")).isEqualTo(List.of("status", "title"));
        assertThat(data).containsEntry("status", "IN_PROGRESS").containsEntry("version", 2L);
    }

    @Test
    void taskCompletedCarriesTheCompletionTime() {
        Map<String, Object> data = EventData.of(SampleEvents.of(EventType.TASK_COMPLETED, Variant.MINIMAL));

        assertThat(data).containsEntry("status", "COMPLETED").containsEntry("completedAt", SampleEvents.AT.toString());
    }

    @Test
    void userEventsNeverCarryThePasswordHash() {
        for (EventType type : List.of(EventType.USER_REGISTERED, EventType.USER_AUTHENTICATED)) {
            var event = SampleEvents.of(type, Variant.FULL);
            String hash = event instanceof UserRegistered registered
                    ? registered.user().passwordHash()
                    : ((UserAuthenticated) event).user().passwordHash();

            assertThat(EventData.of(event).values()).as(type.typeName()).doesNotContain(hash);
            assertThat(EventData.of(event).toString()).as(type.typeName()).doesNotContain(hash);
        }
    }

    @Test
    void notificationSentNamesItsCauseByTypeName() {
        Map<String, Object> data = EventData.of(SampleEvents.of(EventType.NOTIFICATION_SENT, Variant.FULL));

        assertThat(data)
                .containsEntry("notificationId", SampleEvents.NOTIFICATION_ID.toString())
                .containsEntry("causeEventId", SampleEvents.CAUSE_EVENT_ID.toString())
                .containsEntry("causeType", "reminder.triggered")
                .containsEntry("channel", "email");
    }
}
