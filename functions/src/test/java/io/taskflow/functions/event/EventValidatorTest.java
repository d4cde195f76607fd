package io.taskflow.functions.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventData;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.SampleEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {
    private static final JsonMapper JSON = ObjectMapper.getDefault();

    private final EventValidator validator = new EventValidator(new EventSchemas(), JSON);

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> samples() {
        return SampleEvents.all();
    }

    private static Map<String, Object> dataOf(DomainEvent event) {
        return new LinkedHashMap<>(EventData.of(event));
    }

    private static Map<String, Object> taskCreatedData() {
        return dataOf(SampleEvents.of(EventType.TASK_CREATED, SampleEvents.Variant.FULL));
    }

    private static byte[] bytes(Map<String, Object> data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventEnvelope envelope(String type, String dataSchema, byte[] data) {
        return new EventEnvelope(
                "e-1",
                "/taskflow/test",
                type,
                SampleEvents.TASK_ID.toString(),
                SampleEvents.AT,
                dataSchema,
                SampleEvents.TASK_ID.toString(),
                null,
                null,
                null,
                data);
    }

    private static EventEnvelope taskCreated(String dataSchema, Map<String, Object> data) {
        return envelope(EventType.TASK_CREATED.typeName(), dataSchema, bytes(data));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void givenTheDataOfASampleEvent_whenCheckedOutgoing_thenItPasses(
            EventType type, SampleEvents.Variant variant, DomainEvent event) {
        byte[] data = bytes(dataOf(event));

        assertThatCode(() -> validator.checkOutgoing(type, data)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void givenTheEnvelopeOfASampleEvent_whenCheckedIncoming_thenItsTypeIsReturned(
            EventType type, SampleEvents.Variant variant, DomainEvent event) {
        var envelope = envelope(type.typeName(), type.dataSchema(1), bytes(dataOf(event)));

        assertThat(validator.checkIncoming(envelope)).isEqualTo(type);
    }

    @Test
    void givenDataWithAFieldTheSchemaDoesNotName_whenCheckedOutgoing_thenTheWriteIsRefused() {
        var data = taskCreatedData();
        data.put("addedByMistake", "x");

        assertThatThrownBy(() -> validator.checkOutgoing(EventType.TASK_CREATED, bytes(data)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("task.created")
                .hasMessageContaining("$.addedByMistake");
    }

    @Test
    void givenDataWithAFieldTheSchemaDoesNotName_whenCheckedIncoming_thenItIsAccepted() {
        var data = taskCreatedData();
        data.put("addedByANewerProducer", "x");

        assertThat(validator.checkIncoming(taskCreated(EventType.TASK_CREATED.dataSchema(1), data)))
                .isEqualTo(EventType.TASK_CREATED);
    }

    @Test
    void givenDataMissingARequiredField_whenCheckedOutgoing_thenTheWriteIsRefused() {
        var data = taskCreatedData();
        data.remove("ownerId");

        assertThatThrownBy(() -> validator.checkOutgoing(EventType.TASK_CREATED, bytes(data)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("$.ownerId");
    }

    @Test
    void givenAnUnknownEventType_whenCheckedIncoming_thenItIsRefusedAsInvalid() {
        var envelope = envelope("task.archived", null, bytes(taskCreatedData()));

        assertThatThrownBy(() -> validator.checkIncoming(envelope))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("task.archived");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"not json", "{\"title\": ", ""})
    void givenDataThatIsNotJson_whenCheckedIncoming_thenItIsRefusedAsInvalid(String data) {
        var envelope = envelope(
                EventType.TASK_CREATED.typeName(),
                EventType.TASK_CREATED.dataSchema(1),
                data.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> validator.checkIncoming(envelope))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("e-1");
    }

    @Test
    void givenDataMissingARequiredField_whenCheckedIncoming_thenItIsRefusedAsInvalidNamingTheField() {
        var data = taskCreatedData();
        data.remove("title");

        assertThatThrownBy(() -> validator.checkIncoming(taskCreated(EventType.TASK_CREATED.dataSchema(1), data)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.title");
    }

    @Test
    void givenDataWithAWrongType_whenCheckedIncoming_thenItIsRefusedAsInvalid() {
        var data = taskCreatedData();
        data.put("version", "one");

        assertThatThrownBy(() -> validator.checkIncoming(taskCreated(EventType.TASK_CREATED.dataSchema(1), data)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.version");
    }

    @Test
    void
            givenADataSchemaNamingAVersionNewerThanAnyKnown_whenValidDataIsCheckedIncoming_thenItIsReadWithTheNewestSchema() {
        assertThat(validator.checkIncoming(taskCreated("urn:taskflow:schema:task.created:v99", taskCreatedData())))
                .isEqualTo(EventType.TASK_CREATED);
    }

    @Test
    void givenADataSchemaNamingAVersionNewerThanAnyKnown_whenDataBreaksTheNewestSchema_thenItIsStillRefused() {
        var data = taskCreatedData();
        data.remove("title");

        assertThatThrownBy(() -> validator.checkIncoming(taskCreated("urn:taskflow:schema:task.created:v99", data)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.title");
    }

    @Test
    void givenADataSchemaNamingAnotherType_whenCheckedIncoming_thenTheEnvelopeTypesOwnSchemaIsUsed() {
        var data = taskCreatedData();
        data.remove("title");

        assertThatThrownBy(() -> validator.checkIncoming(taskCreated("urn:taskflow:schema:task.deleted:v1", data)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.title");
    }

    @Test
    void givenADataSchemaNamingAVersionBeyondTheIntRange_whenCheckedIncoming_thenItFailsOnlyAsAnInvalidEvent() {
        var envelope = taskCreated("urn:taskflow:schema:task.created:v99999999999", taskCreatedData());

        Throwable thrown = catchThrowable(() -> validator.checkIncoming(envelope));

        // Forward compatibility: either read with the newest schema (no exception) or refused as invalid, never
        // an unchecked parsing error that a consumer would treat as a retryable failure.
        assertThat(thrown)
                .satisfiesAnyOf(
                        t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(InvalidEventException.class));
    }
}
