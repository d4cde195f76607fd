package io.taskflow.functions.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.functions.event.InvalidEventException;
import io.taskflow.functions.tracing.EventSpans;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a consumer over a delivered batch, the same way on every runtime: holds each event to its schema, records it in
 * the inbox in the transaction of its effect, keeps per-key order, and dead-letters what cannot succeed. Each attempt
 * at an event is a span that continues the event's trace, with the trace ids and the event's correlation id in the
 * logging context meanwhile. A batch is not one span: its events belong to different requests, and each event is
 * handled (and retried) on its own.
 */
@Singleton
public class ConsumerProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProcessor.class);

    private final Transactions tx;
    private final Inbox inbox;
    private final ReceivedEvents received;
    private final DeadLetters deadLetters;
    private final RetryPolicy policy;
    private final TimeSource time;
    private final MeterRegistry meters;
    private final EventSpans spans;

    public ConsumerProcessor(
            Transactions tx,
            Inbox inbox,
            ReceivedEvents received,
            DeadLetters deadLetters,
            RetryPolicy policy,
            TimeSource time,
            MeterRegistry meters,
            EventSpans spans) {
        this.tx = tx;
        this.inbox = inbox;
        this.received = received;
        this.deadLetters = deadLetters;
        this.policy = policy;
        this.time = time;
        this.meters = meters;
        this.spans = spans;
    }

    /** Waits between retry rounds; a test passes one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * One pass over the batch. For runtimes that redeliver by themselves (a partial batch response, a Pub/Sub nack):
     * the events in {@link BatchOutcome#retry()} come back later with their attempt counted by the runtime.
     */
    public BatchOutcome process(EventConsumer consumer, List<Delivery> batch) {
        var succeeded = new ArrayList<EventEnvelope>();
        var retry = new ArrayList<BatchOutcome.Retry>();
        var dead = new ArrayList<DeadLetter>();
        Map<String, String> failedKeys = new HashMap<>();
        for (Delivery delivery : batch) {
            EventEnvelope envelope = delivery.event();
            String blocker = failedKeys.get(delivery.key());
            if (blocker != null) {
                retry.add(new BatchOutcome.Retry(delivery, "held back behind failed event " + blocker, true));
                continue;
            }
            try (EventSpans.ActiveSpan span = spans.handling(consumer.name(), envelope, delivery.attempt())) {
                String error;
                boolean permanent = false;
                try {
                    DomainEvent event = received.read(envelope);
                    if (consumer.types().contains(event.type())) {
                        run(consumer, event, envelope);
                    }
                    succeeded.add(envelope);
                    continue;
                } catch (InvalidEventException e) {
                    span.failed(e);
                    error = e.getMessage();
                    permanent = true;
                } catch (RuntimeException e) {
                    span.failed(e);
                    error = describe(e);
                    LOG.warn(
                            "{} failed on {} {} (attempt {}): {}",
                            consumer.name(),
                            envelope.type(),
                            envelope.id(),
                            delivery.attempt(),
                            error);
                }
                if (consumer.stateless()) {
                    // Nothing to keep and nothing to redrive to: a forwarder skips what it cannot forward.
                    count(consumer, envelope, "dropped");
                    succeeded.add(envelope);
                    continue;
                }
                if (permanent || policy.exhausted(delivery.attempt())) {
                    DeadLetter letter =
                            new DeadLetter(consumer.name(), envelope, error, delivery.attempt(), permanent, time.now());
                    if (store(letter)) {
                        count(consumer, envelope, "dead_letter");
                        dead.add(letter);
                        continue;
                    }
                }
                count(consumer, envelope, "retry");
                retry.add(new BatchOutcome.Retry(delivery, error, false));
                failedKeys.put(delivery.key(), envelope.id());
            }
        }
        return new BatchOutcome(succeeded, retry, dead);
    }

    /**
     * Processes the batch until every event has succeeded or is dead-lettered, waiting between rounds with the retry
     * policy's backoff. For runtimes that own their retries (Kafka, Event Hubs). Returns unsettled only when a dead
     * letter could not be stored or the wait was interrupted; the runtime must then deliver the rest again.
     */
    public BatchOutcome settle(EventConsumer consumer, List<Delivery> batch, Sleeper sleeper) {
        var succeeded = new ArrayList<EventEnvelope>();
        var dead = new ArrayList<DeadLetter>();
        List<Delivery> pending = batch;
        while (true) {
            BatchOutcome round = process(consumer, pending);
            succeeded.addAll(round.succeeded());
            dead.addAll(round.deadLettered());
            boolean deadLetterStoreFailed = round.retry().stream()
                    .anyMatch(
                            r -> !r.heldBack() && policy.exhausted(r.delivery().attempt()));
            if (round.settled() || deadLetterStoreFailed) {
                return new BatchOutcome(succeeded, round.retry(), dead);
            }
            int worstAttempt = round.retry().stream()
                    .filter(r -> !r.heldBack())
                    .mapToInt(r -> r.delivery().attempt())
                    .max()
                    .orElse(1);
            try {
                sleeper.sleep(policy.backoff(worstAttempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new BatchOutcome(succeeded, round.retry(), dead);
            }
            pending = round.retry().stream()
                    .map(r -> r.heldBack() ? r.delivery() : r.delivery().next())
                    .toList();
        }
    }

    private void run(EventConsumer consumer, DomainEvent event, EventEnvelope envelope) {
        Timer.Sample sample = Timer.start(meters);
        boolean first = consumer.stateless()
                || tx.inTransaction(() -> {
                    boolean isFirst = inbox.firstDelivery(consumer.name(), envelope.id());
                    if (isFirst) {
                        consumer.handle(event, envelope);
                    }
                    return isFirst;
                });
        if (consumer.stateless()) {
            consumer.handle(event, envelope);
        }
        consumer.afterCommit(event, envelope);
        sample.stop(Timer.builder("taskflow.event.handler.duration")
                .description("Time a consumer spent on one event, its transaction included")
                .tag("consumer", consumer.name())
                .tag("type", envelope.type())
                .publishPercentileHistogram()
                .register(meters));
        count(consumer, envelope, first ? "success" : "duplicate");
    }

    private boolean store(DeadLetter letter) {
        try {
            deadLetters.send(letter);
            LOG.error(
                    "{} dead-lettered {} {} after {} attempt(s): {}",
                    letter.consumer(),
                    letter.event().type(),
                    letter.event().id(),
                    letter.attempts(),
                    letter.error());
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "{} could not store the dead letter of {}: {}",
                    letter.consumer(),
                    letter.event().id(),
                    e.toString());
            return false;
        }
    }

    private void count(EventConsumer consumer, EventEnvelope envelope, String outcome) {
        EventSpans.outcome(outcome);
        meters.counter(
                        "taskflow.events.consumed",
                        "consumer",
                        consumer.name(),
                        "type",
                        envelope.type(),
                        "outcome",
                        outcome)
                .increment();
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
