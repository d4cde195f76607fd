package io.taskflow.adapters.azure.testing;

import com.azure.messaging.eventhubs.EventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invocation payloads in the replay's format ({@code function}, {@code events}, {@code metadata}): loaded from the
 * fixtures under {@code src/test/resources/bindings}, or made from what the publisher handed the producer, the way the
 * Functions host would pass those events to a trigger (bodies as text, the application properties, the {@code x-opt-*}
 * system properties with their named twins, the partition context).
 */
public final class Bindings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static long nextSequence = 5_000;

    private Bindings() {}

    public static String fixture(String name) {
        try (InputStream in = Bindings.class.getResourceAsStream("/bindings/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch of the events sent, in the order given, as one partition of the hub delivers them. */
    public static synchronized String batch(
            String function, String hub, String group, List<RecordingSender.Sent> sends) {
        var bodies = new ArrayList<String>();
        var properties = new ArrayList<Map<String, Object>>();
        var system = new ArrayList<Map<String, Object>>();
        for (RecordingSender.Sent sent : sends) {
            for (EventData event : sent.events()) {
                long sequence = nextSequence++;
                String enqueued = Instant.now().toString();
                bodies.add(event.getBodyAsString());
                properties.add(new LinkedHashMap<>(event.getProperties()));
                var stamped = new LinkedHashMap<String, Object>();
                stamped.put("x-opt-sequence-number", sequence);
                stamped.put("x-opt-offset", Long.toString(sequence * 512));
                stamped.put("x-opt-enqueued-time", enqueued);
                stamped.put("x-opt-partition-key", sent.partitionKey());
                stamped.put("content-type", event.getContentType());
                stamped.put("SequenceNumber", sequence);
                stamped.put("Offset", Long.toString(sequence * 512));
                stamped.put("PartitionKey", sent.partitionKey());
                stamped.put("EnqueuedTimeUtc", enqueued);
                system.add(stamped);
            }
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("function", function);
        payload.put("events", bodies);
        payload.put(
                "metadata",
                Map.of(
                        "PartitionContext",
                        Map.of(
                                "ConsumerGroup",
                                group,
                                "EventHubName",
                                hub,
                                "FullyQualifiedNamespace",
                                "taskflow-test.servicebus.windows.net",
                                "PartitionId",
                                "0"),
                        "PropertiesArray",
                        properties,
                        "SystemPropertiesArray",
                        system));
        return write(payload);
    }

    public static String write(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
