package io.taskflow.kafka.records;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.event.CloudEventMapping;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Events as Kafka records: CloudEvents in binary mode, {@code ce_*} headers and the JSON data as the value. */
public final class CloudEventRecords {
    private CloudEventRecords() {}

    /** The record of an event on a topic, keyed by its partition key. */
    public static ProducerRecord<String, byte[]> record(String topic, EventEnvelope event) {
        return KafkaMessageFactory.createWriter(topic, event.partitionKey())
                .writeBinary(CloudEventMapping.toCloudEvent(event));
    }

    /**
     * The event a received record carries.
     *
     * @throws RuntimeException when the record is not a readable CloudEvent
     */
    public static EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        return CloudEventMapping.fromCloudEvent(
                KafkaMessageFactory.createReader(record).toEvent());
    }
}
