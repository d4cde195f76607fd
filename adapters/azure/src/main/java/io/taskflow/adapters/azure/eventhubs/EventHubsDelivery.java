package io.taskflow.adapters.azure.eventhubs;

import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps an Event Hubs trigger's batch onto the shared batch-outcome contract. The trigger checkpoints the batch when
 * the function returns and never redelivers a single event, so the function owns its retries: the consumer settles
 * the batch in place ({@link ConsumerProcessor#settle}), retrying a failed event with the retry policy's bounded
 * backoff while the later events of its key wait, then writing it to the consumer's dead-letter hub with the error and
 * the attempt count, after which its key goes on. Only what could not settle (the database away, the dead-letter hub
 * away) fails the invocation, for the function's retry policy to run the batch again before any checkpoint.
 */
@Singleton
public class EventHubsDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EventHubsDelivery.class);

    private final ConsumerProcessor processor;
    private final EventHubsDeadLetters deadLetters;
    private final ConsumerProcessor.Sleeper sleeper;
    private final Map<String, EventConsumer> consumers;

    EventHubsDelivery(
            ConsumerProcessor processor,
            EventHubsDeadLetters deadLetters,
            ConsumerProcessor.Sleeper sleeper,
            List<EventConsumer> consumers) {
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.sleeper = sleeper;
        this.consumers = consumers.stream().collect(Collectors.toMap(EventConsumer::name, Function.identity()));
    }

    /**
     * Settles the batch: on return every event succeeded or is in the dead-letter hub.
     *
     * @throws BatchNotSettledException when some could do neither; the invocation must fail
     */
    public BatchOutcome deliver(String consumerName, EventHubsBatch batch) {
        EventConsumer consumer = consumers.get(consumerName);
        if (consumer == null) {
            throw new IllegalStateException("no consumer named " + consumerName);
        }
        logLag(consumerName, batch);
        var deliveries = new ArrayList<Delivery>();
        for (EventHubsMessage message : batch.inOrder()) {
            EventEnvelope envelope;
            try {
                envelope = CloudEventProperties.envelope(message.body(), message.properties(), message.contentType());
            } catch (RuntimeException e) {
                deadLetterUnreadable(consumerName, batch, message, e);
                continue;
            }
            deliveries.add(Delivery.first(envelope));
        }
        if (deliveries.isEmpty()) {
            return new BatchOutcome(List.of(), List.of(), List.of());
        }
        BatchOutcome outcome = processor.settle(consumer, deliveries, sleeper);
        if (!outcome.settled()) {
            throw new BatchNotSettledException(consumerName, outcome);
        }
        return outcome;
    }

    /**
     * One line per batch, which the lag alert reads: how long the batch's oldest event waited in the hub. Event Hubs
     * keeps no committed offset per consumer group to subtract from, so the lag is measured in time.
     */
    private static void logLag(String consumer, EventHubsBatch batch) {
        Instant oldest = batch.messages().stream()
                .map(EventHubsMessage::enqueuedTime)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        LOG.info(
                "consumer_batch consumer={} hub={} partition={} events={} oldest_age_seconds={}",
                consumer,
                batch.hub(),
                batch.partitionId(),
                batch.messages().size(),
                oldest == null
                        ? 0
                        : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds()));
    }

    private void deadLetterUnreadable(
            String consumer, EventHubsBatch batch, EventHubsMessage message, RuntimeException error) {
        try {
            deadLetters.sendUnreadable(
                    consumer, batch.hub(), message, "not a readable CloudEvent: " + error.getMessage());
        } catch (RuntimeException sendFailure) {
            throw new BatchNotSettledException(
                    consumer, "could not dead-letter an unreadable event at " + message.position(), sendFailure);
        }
        LOG.error(
                "{} dead-lettered an unreadable event of {} at {}: {}",
                consumer,
                batch.hub(),
                message.position(),
                error.getMessage());
    }
}
