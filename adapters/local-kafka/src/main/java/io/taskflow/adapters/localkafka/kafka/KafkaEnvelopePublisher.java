package io.taskflow.adapters.localkafka.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.event.CloudEventMapping;
import io.taskflow.functions.outbox.EnvelopePublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes envelopes to the topic named by their type, keyed by aggregate id, as CloudEvents in binary mode ({@code
 * ce_*} headers, the JSON data as the value). Idempotent with {@code acks=all}, so the producer's own retries never
 * duplicate or reorder records of one key.
 */
@Singleton
public class KafkaEnvelopePublisher implements EnvelopePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEnvelopePublisher.class);

    private final KafkaProducer<String, CloudEvent> producer;
    private final Duration deliveryTimeout;
    private final KafkaTopics topics;

    public KafkaEnvelopePublisher(
            KafkaTopics topics,
            @Value("${kafka.bootstrap.servers}") String bootstrapServers,
            @Value("${taskflow.kafka.delivery-timeout:15s}") Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
        this.topics = topics;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "taskflow-outbox-relay",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) deliveryTimeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(deliveryTimeout.toMillis(), 5_000),
                // A broker that is down must not block the relay thread for a minute inside send().
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                5_000,
                CloudEventSerializer.ENCODING_CONFIG,
                Encoding.BINARY);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), cloudEventSerializer());
    }

    private static CloudEventSerializer cloudEventSerializer() {
        var serializer = new CloudEventSerializer();
        serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
        return serializer;
    }

    @Override
    public void prepare() {
        topics.ensure();
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        var sent = new ArrayList<Future<RecordMetadata>>(batch.size());
        var failed = new HashMap<String, String>();
        for (EventEnvelope e : batch) {
            try {
                sent.add(producer.send(
                        new ProducerRecord<>(e.type(), e.partitionKey(), CloudEventMapping.toCloudEvent(e))));
            } catch (RuntimeException ex) {
                sent.add(java.util.concurrent.CompletableFuture.failedFuture(ex));
            }
        }
        long deadline = System.nanoTime() + deliveryTimeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        Throwable first = null;
        for (int i = 0; i < batch.size(); i++) {
            Throwable error = failure(sent.get(i), deadline);
            if (error != null) {
                failed.put(batch.get(i).id(), error.toString());
                first = first == null ? error : first;
            }
        }
        if (first != null) {
            LOG.warn(
                    "Kafka did not acknowledge {} of {} events; they stay in the outbox: {}",
                    failed.size(),
                    batch.size(),
                    first.toString());
        }
        return failed;
    }

    /** Null when the broker acknowledged the record, else why not. */
    private static Throwable failure(Future<RecordMetadata> future, long deadline) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
