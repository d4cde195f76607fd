package io.taskflow.adapters.azure.eventhubs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A batch as the Event Hubs trigger hands it to a Java function with cardinality many: the bodies, and beside them, in
 * the same order, the binding data {@code PropertiesArray} (application properties), {@code SystemPropertiesArray}
 * ({@code x-opt-partition-key}, {@code x-opt-sequence-number}, {@code x-opt-enqueued-time}, {@code x-opt-offset}, …)
 * and {@code PartitionContext} (which hub, consumer group and partition). A batch comes from one partition.
 */
public record EventHubsBatch(String hub, String consumerGroup, String partitionId, List<EventHubsMessage> messages) {

    public EventHubsBatch {
        messages = List.copyOf(messages);
    }

    /**
     * Reads the binding data. The Java worker converts JSON numbers to doubles and may pass times as text; both are
     * accepted.
     *
     * @param hub the hub the function listens to, used when the partition context does not name it
     * @throws IllegalArgumentException when the arrays do not line up with the bodies
     */
    public static EventHubsBatch of(
            String hub,
            List<String> bodies,
            Map<String, Object>[] properties,
            Map<String, Object>[] systemProperties,
            Map<String, Object> partitionContext) {
        int size = bodies == null ? 0 : bodies.size();
        if (properties != null && properties.length != size) {
            throw new IllegalArgumentException(
                    "the batch has " + size + " bodies but " + properties.length + " PropertiesArray entries");
        }
        if (systemProperties == null || systemProperties.length != size) {
            throw new IllegalArgumentException("the batch has " + size + " bodies but "
                    + (systemProperties == null ? "no" : systemProperties.length) + " SystemPropertiesArray entries");
        }
        var messages = new ArrayList<EventHubsMessage>(size);
        for (int i = 0; i < size; i++) {
            Map<String, Object> system = systemProperties[i] == null ? Map.of() : systemProperties[i];
            String body = bodies.get(i);
            messages.add(new EventHubsMessage(
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    properties == null ? Map.of() : properties[i],
                    text(first(system, "x-opt-partition-key", "PartitionKey")),
                    number(first(system, "x-opt-sequence-number", "SequenceNumber"), i),
                    time(first(system, "x-opt-enqueued-time", "EnqueuedTimeUtc")),
                    text(first(system, "x-opt-offset", "Offset")),
                    text(first(system, "content-type", "ContentType"))));
        }
        Map<String, Object> context = partitionContext == null ? Map.of() : partitionContext;
        return new EventHubsBatch(
                text(first(context, "EventHubName", "eventHubName")) == null
                        ? hub
                        : text(first(context, "EventHubName", "eventHubName")),
                text(first(context, "ConsumerGroup", "consumerGroup")),
                text(first(context, "PartitionId", "partitionId")),
                messages);
    }

    /** In sequence-number order: the partition's order, and so the order of every key in it. */
    public List<EventHubsMessage> inOrder() {
        return messages.stream()
                .sorted(Comparator.comparingLong(EventHubsMessage::sequenceNumber))
                .toList();
    }

    private static Object first(Map<String, Object> map, String name, String alternative) {
        Object value = map.get(name);
        return value != null ? value : map.get(alternative);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A missing sequence number keeps the position the trigger gave. */
    private static long number(Object value, int position) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value != null) {
            return new java.math.BigDecimal(value.toString()).longValue();
        }
        return position;
    }

    private static Instant time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number epochMillis) {
            return Instant.ofEpochMilli(epochMillis.longValue());
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
