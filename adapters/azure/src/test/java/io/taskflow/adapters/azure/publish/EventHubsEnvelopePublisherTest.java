package io.taskflow.adapters.azure.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.eventhubs.EventData;
import io.taskflow.core.event.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventHubsEnvelopePublisherTest {
    /** One send as the producer port received it: the SDK's own event data. */
    record Send(String hub, String key, List<EventData> events) {
        List<Object> ids() {
            return events.stream()
                    .map(e -> e.getProperties().get("cloudEvents:id"))
                    .toList();
        }
    }

    private final List<Send> sends = new ArrayList<>();

    private EventHubsEnvelopePublisher publisherRefusing(Set<String> hubs) {
        return new EventHubsEnvelopePublisher((hub, key, events) -> {
            if (hubs.contains(hub)) {
                throw new IllegalStateException("the hub " + hub + " is unavailable");
            }
            sends.add(new Send(hub, key, events));
        });
    }

    @Test
    void eachHubAndAggregateGetsOneBatchInOutboxOrderKeyedByTheAggregateId() {
        List<EventEnvelope> batch = List.of(
                event("e1", "task.created", "a"),
                event("e2", "task.created", "b"),
                event("e3", "task.updated", "a"),
                event("e4", "task.updated", "a"));

        Map<String, String> failed = publisherRefusing(Set.of()).publish(batch);

        assertThat(failed).isEmpty();
        assertThat(sends)
                .extracting(Send::hub, Send::key, Send::ids)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("task.created", "a", List.of("e1")),
                        org.assertj.core.groups.Tuple.tuple("task.created", "b", List.of("e2")),
                        org.assertj.core.groups.Tuple.tuple("task.updated", "a", List.of("e3", "e4")));
        EventData first = sends.get(0).events().get(0);
        assertThat(new String(first.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":\"e1\"}");
        assertThat(first.getProperties()).containsEntry("cloudEvents:subject", "a");
    }

    @Test
    void aRefusedSendHoldsBackTheLaterEventsOfItsAggregateOnEveryHubWhileOtherAggregatesGoOut() {
        List<EventEnvelope> batch = List.of(
                event("e1", "task.created", "a"),
                event("e2", "task.created", "b"),
                event("e3", "task.completed", "a"),
                event("e4", "task.completed", "b"));

        Map<String, String> failed = publisherRefusing(Set.of("task.created")).publish(batch);

        assertThat(failed).containsOnlyKeys("e1", "e2", "e3", "e4");
        assertThat(failed.get("e1")).contains("unavailable");
        assertThat(failed.get("e3")).isEqualTo("held back behind refused event e1");
        assertThat(sends).isEmpty();
    }

    @Test
    void aRefusedHubDoesNotStopTheOtherHubsOfOtherAggregates() {
        List<EventEnvelope> batch = List.of(event("e1", "task.created", "a"), event("e2", "task.updated", "b"));

        Map<String, String> failed = publisherRefusing(Set.of("task.created")).publish(batch);

        assertThat(failed).containsOnlyKeys("e1");
        assertThat(sends).extracting(Send::ids).containsExactly(List.of("e2"));
    }

    private static EventEnvelope event(String id, String type, String aggregate) {
        return new EventEnvelope(
                id,
                "/taskflow/api",
                type,
                aggregate,
                Instant.parse("2026-11-25T13:41:12Z"),
                "urn:taskflow:schema:" + type + ":v1",
                aggregate,
                null,
                null,
                null,
                ("{\"n\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
