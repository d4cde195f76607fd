package io.taskflow.adapters.azure.eventhubs;

import com.azure.messaging.eventhubs.EventData;
import io.taskflow.adapters.azure.publish.EventHubsSender;
import io.taskflow.functions.consumer.DeadLetter;
import io.taskflow.functions.consumer.DeadLetters;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes each dead letter to its consumer's dead-letter hub and returns once Event Hubs acknowledged it. A dead letter
 * keeps the event's partition key, so the dead letters of one aggregate stay in order too, and a redrive (sending
 * them back to their type's hub, where every other consumer's inbox recognises them) keeps that order.
 */
@Singleton
public class EventHubsDeadLetters implements DeadLetters {
    private final EventHubsSender sender;

    EventHubsDeadLetters(EventHubsSender sender) {
        this.sender = sender;
    }

    @Override
    public void send(DeadLetter letter) {
        EventData data = CloudEventProperties.eventData(letter.event());
        annotate(
                data.getProperties(),
                letter.consumer(),
                letter.error(),
                letter.attempts(),
                letter.permanent(),
                letter.failedAt(),
                letter.event().type());
        sender.send(DeadLetterHubs.of(letter.consumer()), letter.event().partitionKey(), List.of(data));
    }

    /** An event that is not a readable CloudEvent at all: kept byte for byte, properties and all, with why. */
    public void sendUnreadable(String consumer, String hub, EventHubsMessage message, String error) {
        EventData data = new EventData(message.body() == null ? new byte[0] : message.body());
        if (message.contentType() != null) {
            data.setContentType(message.contentType());
        }
        data.getProperties().putAll(message.properties());
        annotate(data.getProperties(), consumer, error, 1, true, Instant.now(), hub);
        sender.send(DeadLetterHubs.of(consumer), message.partitionKey(), List.of(data));
    }

    private static void annotate(
            Map<String, Object> properties,
            String consumer,
            String error,
            int attempts,
            boolean permanent,
            Instant failedAt,
            String originalHub) {
        properties.put(DeadLetterHubs.CONSUMER, consumer);
        properties.put(DeadLetterHubs.ERROR, DeadLetterHubs.cut(error));
        properties.put(DeadLetterHubs.ATTEMPTS, attempts);
        properties.put(DeadLetterHubs.PERMANENT, permanent);
        properties.put(DeadLetterHubs.FAILED_AT, failedAt.toString());
        properties.put(DeadLetterHubs.ORIGINAL_HUB, originalHub);
    }
}
