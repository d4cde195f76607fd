package io.taskflow.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventSchemasTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theV1SchemaOfEveryTypeParsesAsARecordWithTheCommonFields(EventType type) {
        Schema schema = SchemaFiles.load(type, 1);

        assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(schema.getFields())
                .extracting(Field::name)
                .contains("schemaVersion", "userId", "version", "occurredAt");
        assertThat(schema.getField("schemaVersion").schema().getType()).isEqualTo(Schema.Type.INT);
        assertThat(schema.getField("version").schema().getType()).isEqualTo(Schema.Type.LONG);
        assertThat(schema.getField("occurredAt").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(schema.getField("userId").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(schema.getField("userId").schema().getLogicalType())
                .isNotNull()
                .extracting(lt -> lt.getName())
                .isEqualTo("uuid");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaOfTheCurrentVersionIsOnTheClasspath(EventType type) {
        assertThat(SchemaFiles.find(type, type.schemaVersion())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySchemaIsNamedAfterItsTypeInTheNamespaceOfItsVersion(EventType type) {
        Schema schema = SchemaFiles.load(type, 1);

        String expectedName = Arrays.stream(type.typeName().split("\\."))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
        assertThat(schema.getName()).isEqualTo(expectedName);
        assertThat(schema.getNamespace()).isEqualTo("io.taskflow.events.v1");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNamesRoundTripAndTheDataSchemaNamesTypeAndVersion(EventType type) {
        assertThat(EventType.fromTypeName(type.typeName())).contains(type);
        assertThat(type.dataSchema(1)).isEqualTo("urn:taskflow:schema:" + type.typeName() + ":v1");
        assertThat(type.schemaResource(2)).isEqualTo("/schemas/" + type.typeName() + "/v2.avsc");
    }

    @Test
    void anUnknownTypeNameIsNotAType() {
        assertThat(EventType.fromTypeName("task.archived")).isEmpty();
        assertThat(EventType.fromTypeName("TASK_CREATED")).isEmpty();
    }
}
