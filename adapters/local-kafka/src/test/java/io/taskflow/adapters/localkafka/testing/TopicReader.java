package io.taskflow.adapters.localkafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads whole topics from the beginning, as a consumer outside the application would, into a list of records. */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One record as it arrived: topic, key, headers as text, value. */
    public record Received(
            String topic,
            int partition,
            String key,
            Map<String, String> headers,
            byte[] value,
            org.apache.kafka.common.header.Headers rawHeaders) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    public TopicReader(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls once and returns everything read so far; call it inside an Awaitility condition. */
    public List<Received> poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            var headers = new HashMap<String, String>();
            for (Header h : r.headers()) {
                headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
            received.add(new Received(r.topic(), r.partition(), r.key(), headers, r.value(), r.headers()));
        }
        return new ArrayList<>(received);
    }

    /** How many records of each {@code ce_id} arrived, for the ids asked about. */
    public Map<String, Long> countsById(java.util.Collection<String> ids) {
        return poll().stream()
                .filter(r -> ids.contains(r.header("ce_id")))
                .collect(Collectors.groupingBy(r -> r.header("ce_id"), Collectors.counting()));
    }

    public List<TopicPartition> assignment() {
        return List.copyOf(consumer.assignment());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
