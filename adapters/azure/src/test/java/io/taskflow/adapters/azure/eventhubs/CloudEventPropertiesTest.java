package io.taskflow.adapters.azure.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.eventhubs.EventData;
import io.taskflow.adapters.azure.testing.Bindings;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.event.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventPropertiesTest {
    private static final EventEnvelope EVENT = new EventEnvelope(
            "01a212f0-6055-7c2e-9a31-5f0d2b7e1c44",
            "/taskflow/api",
            "task.updated",
            "01a212f0-6054-7634-a86a-49243b039e9a",
            Instant.parse("2026-11-25T13:41:12.916597Z"),
            "urn:taskflow:schema:task.updated:v1",
            "01a212f0-6054-7634-a86a-49243b039e9a",
            "5b0e5f8c-3f0e-4a43-9d57-0f6f2f1e6a10",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            null,
            "{\"title\":\"Write the report\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void anEnvelopeBecomesEventDataWithTheDataAsBodyAndEveryAttributeAsACloudEventsApplicationProperty() {
        EventData data = CloudEventProperties.eventData(EVENT);

        assertThat(data.getBodyAsString()).isEqualTo("{\"title\":\"Write the report\"}");
        assertThat(data.getContentType()).isEqualTo("application/json");
        assertThat(data.getProperties())
                .containsEntry("cloudEvents:specversion", "1.0")
                .containsEntry("cloudEvents:id", EVENT.id())
                .containsEntry("cloudEvents:source", "/taskflow/api")
                .containsEntry("cloudEvents:type", "task.updated")
                .containsEntry("cloudEvents:subject", EVENT.subject())
                .containsEntry("cloudEvents:time", "2026-11-25T13:41:12.916597Z")
                .containsEntry("cloudEvents:dataschema", "urn:taskflow:schema:task.updated:v1")
                .containsEntry("cloudEvents:partitionkey", EVENT.partitionKey())
                .containsEntry("cloudEvents:correlationid", EVENT.correlationId())
                .containsEntry("cloudEvents:traceparent", EVENT.traceparent())
                .doesNotContainKeys("cloudEvents:datacontenttype", "cloudEvents:tracestate");
    }

    @Test
    void whatTheTriggerPassesBackForThatEventDataReadsIntoTheSameEnvelope() {
        EventData data = CloudEventProperties.eventData(EVENT);
        // Through JSON, as the host hands the properties to the worker.
        Map<String, Object> properties = Bindings.read(Bindings.write(data.getProperties()));

        EventEnvelope read = CloudEventProperties.envelope(data.getBody(), properties, null);

        assertThat(read).usingRecursiveComparison().isEqualTo(EVENT);
    }

    @Test
    void theBindingsOtherPrefixReadsTheSame() {
        var properties = new HashMap<String, Object>();
        CloudEventProperties.eventData(EVENT)
                .getProperties()
                .forEach((name, value) -> properties.put(name.replace("cloudEvents:", "cloudEvents_"), value));

        EventEnvelope read = CloudEventProperties.envelope(EVENT.data(), properties, "application/json");

        assertThat(read.id()).isEqualTo(EVENT.id());
        assertThat(read.partitionKey()).isEqualTo(EVENT.partitionKey());
    }

    @Test
    void propertiesWithoutASpecVersionOrWithABadTimeAreNotACloudEvent() {
        var properties = new HashMap<String, Object>(
                CloudEventProperties.eventData(EVENT).getProperties());
        properties.remove("cloudEvents:specversion");
        var badTime = new HashMap<String, Object>(
                CloudEventProperties.eventData(EVENT).getProperties());
        badTime.put("cloudEvents:time", "yesterday");

        assertThatThrownBy(() -> CloudEventProperties.envelope(EVENT.data(), properties, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("spec version");
        assertThatThrownBy(() -> CloudEventProperties.envelope(EVENT.data(), badTime, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("time");
    }
}
