package io.taskflow.functions.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.taskflow.core.event.EventEnvelope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CloudEventMappingTest {
    private static final Instant TIME = Instant.parse("2026-03-02T10:15:30.123456789Z");
    private static final byte[] DATA =
            "{\"schemaVersion\":1,\"title\":\"Gr\u00fc\u00dfe \u2603\"}".getBytes(StandardCharsets.UTF_8);

    private static EventEnvelope full() {
        return new EventEnvelope(
                "0190f3a2-7c1e-7a00-8000-000000000001",
                "/taskflow/api",
                "task.created",
                "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                TIME,
                "urn:taskflow:schema:task.created:v1",
                "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                "corr-42",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "congo=t61rcWkgMzE",
                DATA.clone());
    }

    private static EventEnvelope minimal() {
        return new EventEnvelope(
                "e-2", "/taskflow/api", "task.deleted", null, TIME, null, null, null, null, null, DATA.clone());
    }

    private static void assertSameEnvelope(EventEnvelope actual, EventEnvelope expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.source()).isEqualTo(expected.source());
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.subject()).isEqualTo(expected.subject());
        assertThat(actual.time()).isEqualTo(expected.time());
        assertThat(actual.dataSchema()).isEqualTo(expected.dataSchema());
        assertThat(actual.partitionKey()).isEqualTo(expected.partitionKey());
        assertThat(actual.correlationId()).isEqualTo(expected.correlationId());
        assertThat(actual.traceparent()).isEqualTo(expected.traceparent());
        assertThat(actual.tracestate()).isEqualTo(expected.tracestate());
        assertThat(Arrays.equals(actual.data(), expected.data()))
                .as("data bytes equal: %s", new String(actual.data(), StandardCharsets.UTF_8))
                .isTrue();
    }

    @Test
    void givenAnEnvelopeWithEveryAttribute_whenMappedToACloudEventAndBack_thenEveryAttributeAndTheDataAreKept() {
        EventEnvelope original = full();

        EventEnvelope back = CloudEventMapping.fromCloudEvent(CloudEventMapping.toCloudEvent(original));

        assertSameEnvelope(back, full());
    }

    @Test
    void givenAnEnvelopeWithEveryAttribute_whenMappedToACloudEvent_thenItCarriesThemAsCloudEventsAttributes() {
        CloudEvent ce = CloudEventMapping.toCloudEvent(full());

        assertThat(ce.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(ce.getId()).isEqualTo("0190f3a2-7c1e-7a00-8000-000000000001");
        assertThat(ce.getSource()).isEqualTo(URI.create("/taskflow/api"));
        assertThat(ce.getType()).isEqualTo("task.created");
        assertThat(ce.getSubject()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(ce.getTime().toInstant()).isEqualTo(TIME);
        assertThat(ce.getDataContentType()).isEqualTo("application/json");
        assertThat(ce.getDataSchema()).isEqualTo(URI.create("urn:taskflow:schema:task.created:v1"));
        assertThat(ce.getExtensionNames())
                .containsExactlyInAnyOrder("partitionkey", "correlationid", "traceparent", "tracestate");
        assertThat(ce.getExtension("partitionkey")).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(ce.getExtension("correlationid")).isEqualTo("corr-42");
        assertThat(ce.getExtension("traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(ce.getExtension("tracestate")).isEqualTo("congo=t61rcWkgMzE");
        assertThat(Arrays.equals(ce.getData().toBytes(), DATA)).isTrue();
    }

    @Test
    void givenAnEnvelopeWithoutOptionalAttributes_whenMappedToACloudEvent_thenNoneOfThemIsInvented() {
        CloudEvent ce = CloudEventMapping.toCloudEvent(minimal());

        assertThat(ce.getSubject()).isNull();
        assertThat(ce.getDataSchema()).isNull();
        assertThat(ce.getExtensionNames()).isEmpty();
    }

    @Test
    void givenAnEnvelopeWithoutOptionalAttributes_whenMappedToACloudEventAndBack_thenTheyStayAbsent() {
        EventEnvelope back = CloudEventMapping.fromCloudEvent(CloudEventMapping.toCloudEvent(minimal()));

        assertSameEnvelope(back, minimal());
        assertThat(back.subject()).isNull();
        assertThat(back.dataSchema()).isNull();
        assertThat(back.partitionKey()).isNull();
        assertThat(back.correlationId()).isNull();
        assertThat(back.traceparent()).isNull();
        assertThat(back.tracestate()).isNull();
    }

    @Test
    void givenACloudEventWithATimeInAnotherOffset_whenMapped_thenTheEnvelopeHoldsTheSameInstant() {
        CloudEvent ce = CloudEventBuilder.v1()
                .withId("e-3")
                .withSource(URI.create("/elsewhere"))
                .withType("task.created")
                .withTime(OffsetDateTime.parse("2026-03-02T12:15:30.5+02:00"))
                .withData("application/json", DATA)
                .build();

        EventEnvelope envelope = CloudEventMapping.fromCloudEvent(ce);

        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-03-02T10:15:30.5Z"));
        assertThat(envelope.source()).isEqualTo("/elsewhere");
    }

    @Test
    void givenACloudEventWithoutData_whenMapped_thenItIsRefusedAsInvalid() {
        CloudEvent ce = CloudEventBuilder.v1()
                .withId("no-data")
                .withSource(URI.create("/taskflow/api"))
                .withType("task.created")
                .withTime(TIME.atOffset(java.time.ZoneOffset.UTC))
                .build();

        assertThatThrownBy(() -> CloudEventMapping.fromCloudEvent(ce))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no-data");
    }

    @Test
    void givenACloudEventWithoutTime_whenMapped_thenItIsRefusedAsInvalid() {
        CloudEvent ce = CloudEventBuilder.v1()
                .withId("no-time")
                .withSource(URI.create("/taskflow/api"))
                .withType("task.created")
                .withData("application/json", DATA)
                .build();

        assertThatThrownBy(() -> CloudEventMapping.fromCloudEvent(ce))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no-time");
    }
}
