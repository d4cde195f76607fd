package io.taskflow.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskflow.core.event.SampleEvents.Variant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The data every event is published with must be exactly what the Avro schema of its type says. */
class EventDataMatchesSchemaTest {
    private static final String SAMPLES = "io.taskflow.core.event.SampleEvents#all";

    private static Schema schemaOf(EventType type) {
        return SchemaFiles.load(type, type.schemaVersion());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(SAMPLES)
    void theSampleIsOfTheTypeItStandsFor(EventType type, Variant variant, DomainEvent event) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(schemaOf(type).getName()).isEqualTo(event.getClass().getSimpleName());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(SAMPLES)
    void theDataHasExactlyTheFieldsOfTheSchemaWithEveryNonNullableOneFilledIn(
            EventType type, Variant variant, DomainEvent event) {
        Schema schema = schemaOf(type);
        Map<String, Object> data = EventData.of(event);

        assertThat(data.keySet()).containsExactlyInAnyOrderElementsOf(fieldNames(schema));
        for (Schema.Field field : schema.getFields()) {
            if (!AvroValues.isNullable(field.schema())) {
                assertThat(data.get(field.name()))
                        .as("non-nullable field %s", field.name())
                        .isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(SAMPLES)
    void theDataKeysFollowTheOrderOfTheSchemaFields(EventType type, Variant variant, DomainEvent event) {
        assertThat(List.copyOf(EventData.of(event).keySet())).containsExactlyElementsOf(fieldNames(schemaOf(type)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(SAMPLES)
    void theDataIsAValidAvroRecordOfTheSchemaThatSurvivesBinaryEncoding(
            EventType type, Variant variant, DomainEvent event) throws IOException {
        Schema schema = schemaOf(type);

        GenericData.Record record = AvroValues.toRecord(schema, EventData.of(event));

        assertThat(GenericData.get().validate(schema, record))
                .as("GenericData.validate of %s", record)
                .isTrue();
        assertThat(decode(schema, encode(schema, record))).isEqualTo(record);
    }

    @Test
    void anUnknownEnumSymbolIsRejected() {
        var data = sampleData();
        data.put("priority", "CRITICAL");

        assertThatThrownBy(() -> AvroValues.toRecord(schemaOf(EventType.TASK_CREATED), data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priority");
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        var data = sampleData();
        data.remove("title");

        assertThatThrownBy(() -> AvroValues.toRecord(schemaOf(EventType.TASK_CREATED), data))
                .hasMessageContaining("title");
    }

    @Test
    void aFieldTheSchemaDoesNotKnowIsRejected() {
        var data = sampleData();
        data.put("assignee", "bob");

        assertThatThrownBy(() -> AvroValues.toRecord(schemaOf(EventType.TASK_CREATED), data))
                .hasMessageContaining("assignee");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        var data = sampleData();
        data.put("version", "1");
        assertThatThrownBy(() -> AvroValues.toRecord(schemaOf(EventType.TASK_CREATED), data))
                .hasMessageContaining("version");

        var badId = sampleData();
        badId.put("taskId", "not-a-uuid");
        assertThatThrownBy(() -> AvroValues.toRecord(schemaOf(EventType.TASK_CREATED), badId))
                .hasMessageContaining("taskId");
    }

    @Test
    void validateRefusesARecordWithANullRequiredField() {
        Schema schema = schemaOf(EventType.TASK_CREATED);
        GenericData.Record record = AvroValues.toRecord(schema, sampleData());
        record.put("title", null);

        assertThat(GenericData.get().validate(schema, record)).isFalse();
    }

    private static Map<String, Object> sampleData() {
        return new LinkedHashMap<>(EventData.of(SampleEvents.of(EventType.TASK_CREATED, Variant.FULL)));
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws IOException {
        var out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static GenericRecord decode(Schema schema, byte[] bytes) throws IOException {
        return new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
