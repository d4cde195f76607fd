package io.taskflow.adapters.localkafka.consumer;

import io.taskflow.core.error.NotFoundException;
import io.taskflow.functions.consumer.DeadLetterQueues;
import io.taskflow.kafka.records.ConsumerTopics;
import io.taskflow.kafka.records.DeadLetterHeaders;
import io.taskflow.kafka.records.KafkaClientSecurity;
import io.taskflow.kafka.records.KafkaEventProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a consumer's dead-letter topic. What has been redriven is remembered as the committed offsets of the group
 * {@code taskflow-redrive-<consumer>}: a dead letter is pending while it lies beyond them. Used by the admin endpoint
 * and by the command line, so it needs nothing but the broker.
 */
public final class KafkaRedrive {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;
    private final KafkaEventProducer producer;

    public KafkaRedrive(String bootstrapServers, KafkaEventProducer producer) {
        this.bootstrapServers = bootstrapServers;
        this.producer = producer;
    }

    /**
     * Pending dead letters, computed as the gauge computes them (the redrive group's lag); 0 when the consumer has never
     * had one (its topic may not exist yet).
     */
    public long pending(String consumer) {
        String group = ConsumerTopics.redriveGroupId(consumer);
        try (Admin admin = Admin.create(KafkaClientSecurity.withSecurity(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))) {
            return ConsumerLag.read(admin, Map.of(group, List.of(ConsumerTopics.deadLetters(consumer))), TIMEOUT)
                    .getOrDefault(group, 0L);
        }
    }

    public List<DeadLetterQueues.Letter> peek(String consumer, int limit) {
        try (var reader = reader(consumer)) {
            List<TopicPartition> partitions = requirePartitions(reader, consumer);
            Map<TopicPartition, Long> end = positionAtStart(reader, partitions);
            var letters = new ArrayList<DeadLetterQueues.Letter>();
            while (letters.size() < limit && !reachedEnd(reader, end)) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (record.offset() < end.get(partition(record)) && letters.size() < limit) {
                        letters.add(letter(record));
                    }
                }
            }
            return letters;
        }
    }

    /** Moves every dead letter pending now back to the consumer's redrive topic, committing as it goes. */
    public long redrive(String consumer, DeadLetterQueues.Progress progress) {
        try (var reader = reader(consumer)) {
            List<TopicPartition> partitions = requirePartitions(reader, consumer);
            Map<TopicPartition, Long> end = positionAtStart(reader, partitions);
            long total = partitions.stream()
                    .mapToLong(tp -> end.get(tp) - reader.position(tp))
                    .sum();
            long done = 0;
            while (!reachedEnd(reader, end)) {
                var sent = new ArrayList<Future<RecordMetadata>>();
                Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    TopicPartition tp = partition(record);
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    sent.add(producer.send(backToConsumer(consumer, record)));
                    commits.put(tp, new OffsetAndMetadata(record.offset() + 1));
                }
                for (Future<RecordMetadata> future : sent) {
                    await(future);
                }
                if (!commits.isEmpty()) {
                    reader.commitSync(commits);
                    done += sent.size();
                    progress.moved(done, total);
                }
            }
            return done;
        }
    }

    private static ProducerRecord<String, byte[]> backToConsumer(String consumer, ConsumerRecord<String, byte[]> dead) {
        var record = new ProducerRecord<>(ConsumerTopics.redrive(consumer), null, dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                record.headers().add(header);
            }
        }
        return record;
    }

    private static DeadLetterQueues.Letter letter(ConsumerRecord<String, byte[]> record) {
        String attempts = header(record, DeadLetterHeaders.ATTEMPTS);
        String failedAt = header(record, DeadLetterHeaders.FAILED_AT);
        return new DeadLetterQueues.Letter(
                header(record, "ce_id"),
                header(record, "ce_type"),
                header(record, "ce_subject"),
                header(record, DeadLetterHeaders.ERROR),
                attempts == null ? 0 : Integer.parseInt(attempts),
                Boolean.parseBoolean(header(record, DeadLetterHeaders.PERMANENT)),
                failedAt == null ? null : Instant.parse(failedAt));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> reader(String consumer) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                ConsumerTopics.redriveGroupId(consumer),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000);
        return new KafkaConsumer<>(
                KafkaClientSecurity.withSecurity(config), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> reader, String consumer) {
        String topic = ConsumerTopics.deadLetters(consumer);
        List<PartitionInfo> infos = reader.listTopics().containsKey(topic) ? reader.partitionsFor(topic) : List.of();
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static List<TopicPartition> requirePartitions(KafkaConsumer<?, ?> reader, String consumer) {
        List<TopicPartition> partitions = partitions(reader, consumer);
        if (partitions.isEmpty()) {
            throw new NotFoundException("dead-letter topic of consumer " + consumer);
        }
        return partitions;
    }

    /** Assigns the partitions, seeks each to its first pending dead letter, and returns the end offsets as of now. */
    private static Map<TopicPartition, Long> positionAtStart(
            KafkaConsumer<String, byte[]> reader, List<TopicPartition> partitions) {
        reader.assign(partitions);
        start(reader, partitions).forEach(reader::seek);
        return reader.endOffsets(partitions);
    }

    private static Map<TopicPartition, Long> start(KafkaConsumer<?, ?> reader, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> beginning = reader.beginningOffsets(partitions);
        var start = new HashMap<TopicPartition, Long>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            // Retention may have deleted dead letters that were never redriven: start at what is left.
            start.put(tp, Math.max(beginning.get(tp), c == null ? 0 : c.offset()));
        }
        return start;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> reader, Map<TopicPartition, Long> end) {
        Set<TopicPartition> assigned = reader.assignment();
        return assigned.stream().allMatch(tp -> reader.position(tp) >= end.get(tp));
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static void await(Future<RecordMetadata> future) {
        try {
            future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka refused a redriven event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during redrive", e);
        }
    }
}
