package io.taskflow.adapters.localkafka.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each consumer group still has to read (the consumers' groups on their input topics, and the redrive
 * groups on the dead-letter topics, whose lag is the dead letters pending): over the partitions of its topics, the end offset
 * minus the committed one, or minus the first offset still kept where the group has committed nothing (it starts at
 * the earliest record). Read in one round of Admin calls for all groups; a topic not created yet counts nothing.
 */
final class ConsumerLag {
    private ConsumerLag() {}

    /**
     * @param topicsByGroup each group's input topics
     * @throws IllegalStateException when the broker does not answer within {@code timeout} (per call)
     */
    static Map<String, Long> read(Admin admin, Map<String, List<String>> topicsByGroup, Duration timeout) {
        int ms = (int) timeout.toMillis();
        Set<String> existing =
                get(admin.listTopics(new ListTopicsOptions().timeoutMs(ms)).names(), timeout);
        Set<String> wanted = topicsByGroup.values().stream()
                .flatMap(List::stream)
                .filter(existing::contains)
                .collect(Collectors.toSet());
        Map<String, List<TopicPartition>> partitionsOf = new HashMap<>();
        if (!wanted.isEmpty()) {
            get(
                            admin.describeTopics(wanted, new DescribeTopicsOptions().timeoutMs(ms))
                                    .allTopicNames(),
                            timeout)
                    .forEach((topic, description) -> partitionsOf.put(
                            topic,
                            description.partitions().stream()
                                    .map(p -> new TopicPartition(topic, p.partition()))
                                    .toList()));
        }
        List<TopicPartition> all =
                partitionsOf.values().stream().flatMap(List::stream).toList();
        Map<TopicPartition, Long> end = offsets(admin, all, OffsetSpec.latest(), timeout);
        Map<TopicPartition, Long> beginning = offsets(admin, all, OffsetSpec.earliest(), timeout);

        var specs = new HashMap<String, ListConsumerGroupOffsetsSpec>();
        var partitionsOfGroup = new HashMap<String, List<TopicPartition>>();
        topicsByGroup.forEach((group, topics) -> {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> partitionsOf.getOrDefault(t, List.of()).stream())
                    .toList();
            partitionsOfGroup.put(group, partitions);
            specs.put(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions));
        });
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = get(
                admin.listConsumerGroupOffsets(specs, new ListConsumerGroupOffsetsOptions().timeoutMs(ms))
                        .all(),
                timeout);

        var lag = new HashMap<String, Long>();
        partitionsOfGroup.forEach((group, partitions) ->
                lag.put(group, lag(partitions, end, beginning, committed.getOrDefault(group, Map.of()))));
        return lag;
    }

    /** Records left to read over {@code partitions}; a partition without a committed offset counts from its start. */
    static long lag(
            Collection<TopicPartition> partitions,
            Map<TopicPartition, Long> end,
            Map<TopicPartition, Long> beginning,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        long total = 0;
        for (TopicPartition tp : partitions) {
            long first = beginning.getOrDefault(tp, 0L);
            OffsetAndMetadata c = committed.get(tp);
            // Retention may have deleted records the group never read: they are no longer there to read.
            long position = c == null ? first : Math.max(first, c.offset());
            total += Math.max(0, end.getOrDefault(tp, position) - position);
        }
        return total;
    }

    private static Map<TopicPartition, Long> offsets(
            Admin admin, List<TopicPartition> partitions, OffsetSpec spec, Duration timeout) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(
                admin.listOffsets(request, new ListOffsetsOptions().timeoutMs((int) timeout.toMillis()))
                        .all(),
                timeout);
        return result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout) {
        try {
            // A little beyond the call's own timeout, so the broker's answer or the client's timeout comes first.
            return future.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not tell the consumer lag: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the consumer lag in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the consumer lag", e);
        }
    }
}
