package io.taskflow.adapters.localkafka.dapr.subscribe;

import io.taskflow.adapters.localkafka.dapr.StructuredCloudEvents;
import io.taskflow.adapters.localkafka.dapr.deadletter.DaprDeadLetters;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.DeadLetter;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.event.InvalidEventException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Dapr deliveries onto the shared batch-outcome contract, one pass per delivery: the sidecar owns the retries
 * (its resiliency policy paces them), and this counts them. Succeeded and dead-lettered events answer SUCCESS: a dead
 * letter is answered only once it is stored, so the sidecar's own dead-letter topic is left for what it gives up on
 * itself. Failed and held-back events answer RETRY. DROP is never answered: it would keep neither the error nor the
 * attempt count.
 */
@Singleton
@DaprRuntime
public class DaprDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DaprDelivery.class);

    /** The answers of Dapr's subscription contract. */
    public enum Status {
        SUCCESS,
        RETRY,
        DROP
    }

    /**
     * One delivered event.
     *
     * @param event the CloudEvent as a JSON object; null when the delivery was not one
     * @param raw the delivery as it came, kept for a dead letter when it cannot be read
     */
    public record Entry(String entryId, Map<String, Object> event, String raw) {}

    private final ConsumerProcessor processor;
    private final StructuredCloudEvents events;
    private final DaprDeadLetters deadLetters;
    private final DeliveryAttempts attempts;
    private final TimeSource time;
    private final Map<String, EventConsumer> consumers;

    DaprDelivery(
            ConsumerProcessor processor,
            StructuredCloudEvents events,
            DaprDeadLetters deadLetters,
            DeliveryAttempts attempts,
            TimeSource time,
            List<EventConsumer> consumers) {
        this.processor = processor;
        this.events = events;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.time = time;
        this.consumers = consumers.stream().collect(Collectors.toMap(EventConsumer::name, Function.identity()));
    }

    /**
     * Runs each consumer over the entries; an entry's answer is RETRY when any consumer must see it again (the others
     * recognise it in their inbox when it comes back).
     *
     * @return each entry's answer, in delivery order
     */
    public Map<String, Status> deliver(List<String> consumerNames, List<Entry> entries) {
        var answers = new LinkedHashMap<String, Status>();
        entries.forEach(e -> answers.put(e.entryId(), Status.SUCCESS));
        for (String name : consumerNames) {
            EventConsumer consumer = consumers.get(name);
            if (consumer == null) {
                throw new IllegalStateException("no consumer named " + name);
            }
            deliver(consumer, entries).forEach((entryId, status) -> {
                if (status != Status.SUCCESS) {
                    answers.put(entryId, status);
                }
            });
        }
        return answers;
    }

    private Map<String, Status> deliver(EventConsumer consumer, List<Entry> entries) {
        var answers = new LinkedHashMap<String, Status>();
        var entryOf = new IdentityHashMap<EventEnvelope, String>();
        var deliveries = new ArrayList<Delivery>(entries.size());
        for (Entry entry : entries) {
            EventEnvelope envelope;
            try {
                if (entry.event() == null) {
                    throw new InvalidEventException("not a CloudEvent");
                }
                envelope = events.read(entry.event());
            } catch (InvalidEventException e) {
                answers.put(entry.entryId(), unreadable(consumer, entry, e));
                continue;
            }
            entryOf.put(envelope, entry.entryId());
            deliveries.add(new Delivery(envelope, attempts.attempt(consumer.name(), envelope.id())));
        }
        if (deliveries.isEmpty()) {
            return answers;
        }
        BatchOutcome outcome = processor.process(consumer, deliveries);
        for (EventEnvelope done : outcome.succeeded()) {
            attempts.settled(consumer.name(), done.id());
            answers.put(entryOf.get(done), Status.SUCCESS);
        }
        for (DeadLetter dead : outcome.deadLettered()) {
            attempts.settled(consumer.name(), dead.event().id());
            answers.put(entryOf.get(dead.event()), Status.SUCCESS);
        }
        for (BatchOutcome.Retry retry : outcome.retry()) {
            EventEnvelope event = retry.delivery().event();
            if (!retry.heldBack()) {
                attempts.failed(consumer.name(), event.id());
            }
            answers.put(entryOf.get(event), Status.RETRY);
        }
        return answers;
    }

    /** Kept as a dead letter, byte for byte; a stateless consumer skips it. */
    private Status unreadable(EventConsumer consumer, Entry entry, InvalidEventException e) {
        if (consumer.stateless()) {
            LOG.warn("{} skipped an unreadable delivery {}", consumer.name(), entry.entryId());
            return Status.SUCCESS;
        }
        try {
            deadLetters.sendUnreadable(
                    consumer.name(), entry.raw(), "not a readable CloudEvent: " + e.getMessage(), time.now());
            LOG.error("{} dead-lettered an unreadable delivery {}", consumer.name(), entry.entryId());
            return Status.SUCCESS;
        } catch (RuntimeException storeFailure) {
            LOG.error("{} could not dead-letter an unreadable delivery: {}", consumer.name(), storeFailure.toString());
            return Status.RETRY;
        }
    }

    /** The raw text of a delivery's event, for a dead letter. */
    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
