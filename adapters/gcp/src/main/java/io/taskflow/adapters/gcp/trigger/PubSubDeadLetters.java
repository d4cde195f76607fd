package io.taskflow.adapters.gcp.trigger;

import io.taskflow.adapters.gcp.publish.PubSubPublishers;
import io.taskflow.adapters.gcp.pubsub.PubSubCloudEvents;
import io.taskflow.adapters.gcp.pubsub.PubSubMessage;
import io.taskflow.functions.consumer.DeadLetter;
import io.taskflow.functions.consumer.DeadLetters;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a dead letter to its consumer's dead-letter topic (the original event's attributes and data, plus why,
 * after how many attempts, and whose) and waits for Pub/Sub to acknowledge it. Only then is the delivery answered
 * successfully; if the publish fails, the function fails and Pub/Sub delivers the event again: nothing is lost.
 */
@Singleton
public class PubSubDeadLetters implements DeadLetters {
    private final PubSubPublishers publishers;

    PubSubDeadLetters(PubSubPublishers publishers) {
        this.publishers = publishers;
    }

    @Override
    public void send(DeadLetter letter) {
        var attributes = new HashMap<>(PubSubCloudEvents.attributes(letter.event()));
        annotate(
                attributes,
                letter.consumer(),
                letter.error(),
                letter.attempts(),
                letter.permanent(),
                letter.failedAt());
        sendAndWait(
                letter.consumer(),
                attributes,
                letter.event().data(),
                letter.event().partitionKey());
    }

    /** A message that carries no readable CloudEvent: kept as it came, with why. */
    public void sendUnreadable(String consumer, PubSubMessage message, int attempt, String error) {
        var attributes = new HashMap<>(message.attributes());
        annotate(attributes, consumer, error, attempt, true, Instant.now());
        byte[] data;
        try {
            data = message.bytes();
        } catch (IllegalArgumentException notBase64) {
            data = String.valueOf(message.data()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        sendAndWait(consumer, attributes, data, message.orderingKey());
    }

    private void sendAndWait(String consumer, Map<String, String> attributes, byte[] data, String orderingKey) {
        String topic = DeadLetterTopics.of(consumer);
        try {
            publishers
                    .send(topic, attributes, data, orderingKey)
                    .get(publishers.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            publishers.resume(topic, orderingKey);
            throw new IllegalStateException("Pub/Sub refused the dead letter: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            publishers.resume(topic, orderingKey);
            throw new IllegalStateException("Pub/Sub did not acknowledge the dead letter in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    private static void annotate(
            Map<String, String> attributes,
            String consumer,
            String error,
            int attempts,
            boolean permanent,
            Instant failedAt) {
        String text = error == null ? "" : error;
        attributes.put(DeadLetterTopics.CONSUMER, consumer);
        attributes.put(
                DeadLetterTopics.ERROR,
                text.length() > DeadLetterTopics.MAX_ERROR ? text.substring(0, DeadLetterTopics.MAX_ERROR) : text);
        attributes.put(DeadLetterTopics.ATTEMPTS, Integer.toString(attempts));
        attributes.put(DeadLetterTopics.PERMANENT, Boolean.toString(permanent));
        attributes.put(DeadLetterTopics.FAILED_AT, failedAt.toString());
    }
}
