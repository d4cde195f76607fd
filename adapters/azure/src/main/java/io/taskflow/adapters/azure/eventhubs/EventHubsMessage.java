package io.taskflow.adapters.azure.eventhubs;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a trigger's batch: its body, its application properties, and what Event Hubs stamped on it.
 *
 * @param partitionKey the key it was sent with; null when sent without one
 * @param contentType the AMQP content type when the trigger passes it; null otherwise
 */
public record EventHubsMessage(
        byte[] body,
        Map<String, Object> properties,
        String partitionKey,
        long sequenceNumber,
        Instant enqueuedTime,
        String offset,
        String contentType) {

    public EventHubsMessage {
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(properties);
    }

    /** Where it sat, for logs and dead letters. */
    public String position() {
        return "sequence number " + sequenceNumber + (partitionKey == null ? "" : ", key " + partitionKey);
    }
}
