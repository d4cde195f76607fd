package io.taskflow.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.SampleEvents.Variant;
import io.taskflow.core.user.User;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventReaderTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.taskflow.core.event.SampleEvents#all")
    void readingTheDataOfAnEventGivesTheSameDataBack(EventType type, Variant variant, DomainEvent event) {
        DomainEvent read = EventReader.read(type, event.eventId(), EventData.of(event));

        assertThat(read.type()).isEqualTo(type);
        assertThat(read.eventId()).isEqualTo(event.eventId());
        assertThat(read.aggregateId()).isEqualTo(event.aggregateId());
        assertThat(read.actorId()).isEqualTo(event.actorId());
        assertThat(read.version()).isEqualTo(event.version());
        assertThat(EventData.of(read)).isEqualTo(EventData.of(event));
    }

    @Test
    void aTaskReadBackEqualsTheTaskThatWasWrittenExceptForItsUpdateTime() {
        var event = (TaskCreated) SampleEvents.of(EventType.TASK_CREATED, Variant.FULL);

        var read = (TaskCreated) EventReader.read(EventType.TASK_CREATED, event.eventId(), EventData.of(event));

        assertThat(read.task()).usingRecursiveComparison().isEqualTo(event.task());
    }

    @Test
    void aUserReadBackCarriesNoPasswordHash() {
        var event = SampleEvents.of(EventType.USER_REGISTERED, Variant.FULL);

        User user = ((UserRegistered) EventReader.read(EventType.USER_REGISTERED, event.eventId(), EventData.of(event)))
                .user();

        assertThat(user.passwordHash()).isEmpty();
        assertThat(user.email()).isEqualTo("ann@example.com");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        var event = SampleEvents.of(EventType.TASK_DELETED, Variant.FULL);
        Map<String, Object> data = new HashMap<>(EventData.of(event));
        data.remove("taskId");

        assertThatThrownBy(() -> EventReader.read(EventType.TASK_DELETED, event.eventId(), data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskId");
    }

    @Test
    void aMalformedValueIsRefused() {
        var event = SampleEvents.of(EventType.TASK_CREATED, Variant.FULL);
        Map<String, Object> data = new HashMap<>(EventData.of(event));
        data.put("priority", "SOMEDAY");

        assertThatThrownBy(() -> EventReader.read(EventType.TASK_CREATED, event.eventId(), data))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
