package io.taskflow.kafka.records;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one producer of this runtime: events, dead letters and redriven events all leave through it. Idempotent with
 * {@code acks=all}, so its own retries never duplicate or reorder records of one key. Events travel as CloudEvents in
 * binary mode: {@code ce_*} headers, the JSON data as the value.
 */
// Kafka-runtime beans: absent where TASKFLOW_RUNTIME=dapr (the Kafka runtime is the default, and AWS sets none).
@Requires(property = "taskflow.runtime", value = "kafka", defaultValue = "kafka")
@Singleton
public class KafkaEventProducer {
    private static final int LINGER_MS = 1;

    private final KafkaProducer<String, byte[]> producer;
    private final Duration deliveryTimeout;

    public KafkaEventProducer(
            @Value("${kafka.bootstrap.servers}") String bootstrapServers,
            @Value("${taskflow.kafka.delivery-timeout:15s}") Duration deliveryTimeout,
            List<KafkaClientProperties> clientProperties) {
        this.deliveryTimeout = deliveryTimeout;
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "taskflow-producer",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                LINGER_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) deliveryTimeout.toMillis(),
                // Kafka refuses a delivery timeout below linger + request timeout (a 5 s delivery timeout included).
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(deliveryTimeout.toMillis() - LINGER_MS, 5_000),
                // A broker that is down must not block the caller's thread for a minute inside send().
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                5_000));
        clientProperties.forEach(extra -> config.putAll(extra.properties()));
        this.producer = new KafkaProducer<>(
                KafkaClientSecurity.withSecurity(config), new StringSerializer(), new ByteArraySerializer());
    }

    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return producer.send(record);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public RecordMetadata sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(deliveryTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record for " + record.topic(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a record for " + record.topic() + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        }
    }

    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    @PreDestroy
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
