package io.taskflow.adapters.aws.msk;

import io.taskflow.adapters.aws.metrics.EmbeddedMetrics;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.DeadLetter;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.DeliveryAttempts;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.kafka.records.CloudEventRecords;
import io.taskflow.kafka.records.KafkaDeadLetters;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps an MSK trigger's batch onto the shared batch-outcome contract and back: records become envelopes (the same
 * CloudEvents binary mapping as the container runtime), the consumer runs one pass over them, and the events to
 * deliver again (failed, or held back behind a failed event of their key) become the partial batch response. The
 * trigger redelivers those; each failure is counted, so the retry policy dead-letters an event to {@code
 * taskflow.dlq.<consumer>} on its last attempt instead of letting it go round forever.
 */
@Singleton
public class MskDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MskDelivery.class);

    private final ConsumerProcessor processor;
    private final KafkaDeadLetters deadLetters;
    private final DeliveryAttempts attempts;
    private final EmbeddedMetrics metrics;
    private final Map<String, EventConsumer> consumers;

    MskDelivery(
            ConsumerProcessor processor,
            KafkaDeadLetters deadLetters,
            DeliveryAttempts attempts,
            EmbeddedMetrics metrics,
            List<EventConsumer> consumers) {
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.metrics = metrics;
        this.consumers = consumers.stream().collect(Collectors.toMap(EventConsumer::name, Function.identity()));
    }

    public MskBatchResponse deliver(String consumerName, MskEvent event) {
        EventConsumer consumer = consumers.get(consumerName);
        if (consumer == null) {
            throw new IllegalStateException("no consumer named " + consumerName);
        }
        var failures = new ArrayList<MskBatchResponse.ItemFailure>();
        var recordOf = new IdentityHashMap<EventEnvelope, MskRecord>();
        var envelopes = new ArrayList<EventEnvelope>();
        for (MskRecord record : inOrder(event)) {
            try {
                EventEnvelope envelope = CloudEventRecords.envelope(record.toConsumerRecord());
                recordOf.put(envelope, record);
                envelopes.add(envelope);
            } catch (RuntimeException e) {
                if (!deadLetterUnreadable(consumerName, record, e)) {
                    failures.add(MskBatchResponse.failure(record));
                }
            }
        }
        if (envelopes.isEmpty()) {
            return new MskBatchResponse(failures);
        }
        Map<String, Integer> failedBefore = attempts.failures(
                consumerName, envelopes.stream().map(EventEnvelope::id).toList());
        List<Delivery> deliveries = envelopes.stream()
                .map(e -> new Delivery(e, failedBefore.getOrDefault(e.id(), 0) + 1))
                .toList();
        BatchOutcome outcome = processor.process(consumer, deliveries);
        attempts.failed(consumerName, outcome.retry());
        attempts.settled(
                consumerName,
                Stream.concat(
                                outcome.succeeded().stream().map(EventEnvelope::id),
                                outcome.deadLettered().stream()
                                        .map(d -> d.event().id()))
                        .filter(failedBefore::containsKey)
                        .toList());
        for (DeadLetter ignored : outcome.deadLettered()) {
            metrics.put("DeadLetters", 1, "Count", Map.of("Consumer", consumerName));
        }
        for (BatchOutcome.Retry retry : outcome.retry()) {
            failures.add(MskBatchResponse.failure(recordOf.get(retry.delivery().event())));
        }
        return new MskBatchResponse(failures);
    }

    /** Partition by partition, each in offset order: the order the broker keeps, and so the order of each key. */
    private static List<MskRecord> inOrder(MskEvent event) {
        return event.records().values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(MskRecord::topicPartition).thenComparingLong(MskRecord::offset))
                .toList();
    }

    private boolean deadLetterUnreadable(String consumer, MskRecord record, RuntimeException e) {
        try {
            deadLetters.sendUnreadable(
                    consumer, record.toConsumerRecord(), "not a readable CloudEvent: " + e.getMessage());
            metrics.put("DeadLetters", 1, "Count", Map.of("Consumer", consumer));
            LOG.error(
                    "{} dead-lettered an unreadable record at {}@{}",
                    consumer,
                    record.topicPartition(),
                    record.offset());
            return true;
        } catch (RuntimeException sendFailure) {
            LOG.error("{} could not dead-letter an unreadable record: {}", consumer, sendFailure.toString());
            return false;
        }
    }
}
