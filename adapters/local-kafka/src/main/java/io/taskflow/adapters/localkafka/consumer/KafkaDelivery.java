package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.context.annotation.Value;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.kafka.records.CloudEventRecords;
import io.taskflow.kafka.records.KafkaDeadLetters;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a polled Kafka batch onto the shared batch-outcome contract. Retries happen here, in the poll thread, with the
 * retry policy's backoff (bounded well below {@code max.poll.interval.ms}); a partition with an unsettled event is
 * rewound to it, so offsets are committed only up to it and nothing is skipped. While the database is away the batch
 * is rewound without counting an attempt, and the poll thread waits {@code taskflow.consumers.database-wait} before
 * trying again: an outage of any length delays events and dead-letters none.
 */
@KafkaRuntime
@Singleton
public class KafkaDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaDelivery.class);

    private final ConsumerProcessor processor;
    private final KafkaDeadLetters deadLetters;
    private final Map<String, EventConsumer> consumers;
    private final Duration databaseWait;

    public KafkaDelivery(
            ConsumerProcessor processor,
            KafkaDeadLetters deadLetters,
            List<EventConsumer> consumers,
            @Value("${taskflow.consumers.database-wait:5s}") Duration databaseWait) {
        this.processor = processor;
        this.databaseWait = databaseWait;
        this.deadLetters = deadLetters;
        this.consumers = consumers.stream().collect(Collectors.toMap(EventConsumer::name, Function.identity()));
    }

    public EventConsumer consumer(String name) {
        EventConsumer consumer = consumers.get(name);
        if (consumer == null) {
            throw new IllegalStateException("no consumer named " + name);
        }
        return consumer;
    }

    /** Processes the batch, then commits and rewinds {@code kafka} as the outcome says. */
    public void deliver(String consumerName, List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafka) {
        EventConsumer consumer = consumer(consumerName);
        var recordOf = new IdentityHashMap<EventEnvelope, ConsumerRecord<String, byte[]>>();
        var deliveries = new ArrayList<Delivery>(records.size());
        Map<TopicPartition, Long> firstUnsettled = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope;
            try {
                envelope = CloudEventRecords.envelope(record);
            } catch (RuntimeException e) {
                if (consumer.stateless()) {
                    LOG.warn(
                            "{} skipped an unreadable record at {}-{}@{}",
                            consumerName,
                            record.topic(),
                            record.partition(),
                            record.offset());
                } else if (!deadLetterUnreadable(consumerName, record, e)) {
                    firstUnsettled.merge(partition(record), record.offset(), Math::min);
                }
                continue;
            }
            recordOf.put(envelope, record);
            deliveries.add(Delivery.first(envelope));
        }
        BatchOutcome outcome = deliveries.isEmpty()
                ? new BatchOutcome(List.of(), List.of(), List.of())
                : processor.settle(consumer, deliveries, duration -> Thread.sleep(duration.toMillis()));
        for (BatchOutcome.Retry retry : outcome.retry()) {
            ConsumerRecord<String, byte[]> record =
                    recordOf.get(retry.delivery().event());
            firstUnsettled.merge(partition(record), record.offset(), Math::min);
        }
        rewind(firstUnsettled, kafka);
        if (outcome.databaseAway()) {
            // Wait for the database rather than burn the events' attempts: they come back with none counted.
            LOG.warn("{}: the database is unavailable; polling again in {}", consumerName, databaseWait);
            pause(databaseWait.toMillis());
        } else if (!firstUnsettled.isEmpty()) {
            LOG.warn("{}: {} partition(s) rewound to their first unsettled event", consumerName, firstUnsettled.size());
            pause(processor.policy().maxBackoff().toMillis());
        }
    }

    private boolean deadLetterUnreadable(String consumer, ConsumerRecord<String, byte[]> record, RuntimeException e) {
        try {
            deadLetters.sendUnreadable(consumer, record, "not a readable CloudEvent: " + e.getMessage());
            LOG.error(
                    "{} dead-lettered an unreadable record at {}-{}@{}",
                    consumer,
                    record.topic(),
                    record.partition(),
                    record.offset());
            return true;
        } catch (RuntimeException sendFailure) {
            LOG.error("{} could not dead-letter an unreadable record: {}", consumer, sendFailure.toString());
            return false;
        }
    }

    /**
     * Rewinds each partition to its first unsettled event. The listener's SYNC offset strategy then commits the
     * consumer's positions: past the batch where everything settled, at the rewind point elsewhere. Committing here
     * instead could swallow the wake-up that stops the consumer at shutdown.
     */
    private static void rewind(Map<TopicPartition, Long> firstUnsettled, Consumer<?, ?> kafka) {
        firstUnsettled.forEach(kafka::seek);
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
