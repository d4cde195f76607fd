package io.taskflow.adapters.gcp.trigger;

import io.taskflow.adapters.gcp.metrics.LogMetrics;
import io.taskflow.adapters.gcp.pubsub.PubSubMessage;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.DeliveryAttempts;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps one delivered Pub/Sub message onto the shared batch-outcome contract and back: the event becomes a delivery,
 * the consumer runs one pass over it, and an event to deliver again becomes a failed invocation, which Pub/Sub answers
 * by delivering it again. The attempt number is Pub/Sub's {@code deliveryAttempt} where the delivery carries it, else
 * this consumer's own count of the event's failures, so the retry policy dead-letters (with the error) on its last
 * attempt either way. A message that carries no readable CloudEvent is dead-lettered at once.
 */
@Singleton
public class PubSubDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(PubSubDelivery.class);

    private final ConsumerProcessor processor;
    private final PubSubDeadLetters deadLetters;
    private final DeliveryAttempts attempts;
    private final LogMetrics metrics;
    private final Map<String, EventConsumer> consumers;

    PubSubDelivery(
            ConsumerProcessor processor,
            PubSubDeadLetters deadLetters,
            DeliveryAttempts attempts,
            LogMetrics metrics,
            List<EventConsumer> consumers) {
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.metrics = metrics;
        this.consumers = consumers.stream().collect(Collectors.toMap(EventConsumer::name, Function.identity()));
    }

    /**
     * A message as a wrapped push or an Eventarc event gives it.
     *
     * @param deliveryAttempt Pub/Sub's count, this delivery included; null when the delivery does not carry it
     * @throws RedeliveryRequested when Pub/Sub is to deliver the message again
     */
    public void deliver(String consumerName, PubSubMessage message, Integer deliveryAttempt) {
        EventConsumer consumer = consumer(consumerName);
        EventEnvelope envelope;
        try {
            envelope = message.envelope();
        } catch (RuntimeException unreadable) {
            deadLetters.sendUnreadable(
                    consumerName,
                    message,
                    deliveryAttempt == null ? 1 : deliveryAttempt,
                    "not a readable CloudEvent: " + unreadable.getMessage());
            metrics.count("DeadLetters", Map.of("consumer", consumerName));
            LOG.error("{} dead-lettered the unreadable message {}", consumerName, message.messageId());
            return;
        }
        deliver(consumer, envelope, deliveryAttempt);
    }

    /**
     * The event itself, as an unwrapped push gives it (its {@code ce-*} attributes became the request's CloudEvent).
     *
     * @throws RedeliveryRequested when Pub/Sub is to deliver the message again
     */
    public void deliver(String consumerName, EventEnvelope envelope) {
        deliver(consumer(consumerName), envelope, null);
    }

    private void deliver(EventConsumer consumer, EventEnvelope envelope, Integer deliveryAttempt) {
        String name = consumer.name();
        boolean counted = deliveryAttempt == null;
        int attempt = counted
                ? attempts.failures(name, List.of(envelope.id())).getOrDefault(envelope.id(), 0) + 1
                : Math.max(1, deliveryAttempt);
        BatchOutcome outcome = processor.process(consumer, List.of(new Delivery(envelope, attempt)));
        if (counted) {
            attempts.failed(name, outcome.retry());
            if (outcome.settled() && attempt > 1) {
                attempts.settled(name, List.of(envelope.id()));
            }
        }
        if (!outcome.deadLettered().isEmpty()) {
            metrics.count("DeadLetters", Map.of("consumer", name));
        }
        if (!outcome.settled()) {
            throw new RedeliveryRequested(
                    name + " will take " + envelope.type() + " " + envelope.id() + " again (attempt " + attempt + "): "
                            + outcome.retry().get(0).error());
        }
    }

    private EventConsumer consumer(String name) {
        EventConsumer consumer = consumers.get(name);
        if (consumer == null) {
            throw new IllegalStateException("no consumer named " + name);
        }
        return consumer;
    }
}
