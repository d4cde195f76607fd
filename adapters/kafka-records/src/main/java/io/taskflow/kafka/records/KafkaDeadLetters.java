package io.taskflow.kafka.records;

import io.micronaut.context.annotation.Requires;
import io.taskflow.functions.consumer.DeadLetter;
import io.taskflow.functions.consumer.DeadLetters;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Writes each dead letter to its consumer's dead-letter topic and waits for the broker to acknowledge it. */
// Kafka-runtime beans: absent where TASKFLOW_RUNTIME=dapr (the Kafka runtime is the default, and AWS sets none).
@Requires(property = "taskflow.runtime", value = "kafka", defaultValue = "kafka")
@Singleton
public class KafkaDeadLetters implements DeadLetters {
    private final KafkaEventProducer producer;

    public KafkaDeadLetters(KafkaEventProducer producer) {
        this.producer = producer;
    }

    @Override
    public void send(DeadLetter letter) {
        ProducerRecord<String, byte[]> record =
                CloudEventRecords.record(ConsumerTopics.deadLetters(letter.consumer()), letter.event());
        annotate(
                record.headers(),
                letter.consumer(),
                letter.error(),
                letter.attempts(),
                letter.permanent(),
                letter.failedAt(),
                letter.event().type());
        producer.sendAndWait(record);
    }

    /** A record that is not a readable CloudEvent at all: kept byte for byte, with why. */
    public void sendUnreadable(String consumer, ConsumerRecord<String, byte[]> original, String error) {
        var record = new ProducerRecord<>(ConsumerTopics.deadLetters(consumer), null, original.key(), original.value());
        for (Header header : original.headers()) {
            record.headers().add(header);
        }
        annotate(record.headers(), consumer, error, 1, true, Instant.now(), original.topic());
        producer.sendAndWait(record);
    }

    private static void annotate(
            Headers headers,
            String consumer,
            String error,
            int attempts,
            boolean permanent,
            Instant failedAt,
            String originalTopic) {
        String cut = error == null
                ? ""
                : error.length() > DeadLetterHeaders.MAX_ERROR
                        ? error.substring(0, DeadLetterHeaders.MAX_ERROR)
                        : error;
        headers.add(DeadLetterHeaders.CONSUMER, utf8(consumer));
        headers.add(DeadLetterHeaders.ERROR, utf8(cut));
        headers.add(DeadLetterHeaders.ATTEMPTS, utf8(Integer.toString(attempts)));
        headers.add(DeadLetterHeaders.PERMANENT, utf8(Boolean.toString(permanent)));
        headers.add(DeadLetterHeaders.FAILED_AT, utf8(failedAt.toString()));
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(originalTopic));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
