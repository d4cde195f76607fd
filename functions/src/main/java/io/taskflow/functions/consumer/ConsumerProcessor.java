package io.taskflow.functions.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.functions.event.InvalidEventException;
import io.taskflow.functions.persistence.DatabaseUnavailable;
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
    private final boolean batchTransactions;
    private final EventSpans spans;

    public ConsumerProcessor(
            Transactions tx,
            Inbox inbox,
            ReceivedEvents received,
            DeadLetters deadLetters,
            RetryPolicy policy,
            TimeSource time,
            MeterRegistry meters,
            EventSpans spans,
            @Value("${taskflow.consumers.batch-transactions:true}") boolean batchTransactions) {
        this.tx = tx;
        this.inbox = inbox;
        this.received = received;
        this.deadLetters = deadLetters;
        this.policy = policy;
        this.time = time;
        this.meters = meters;
        this.batchTransactions = batchTransactions;
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
        if (batchTransactions && !consumer.stateless() && batch.size() > 1) {
            BatchOutcome together = inOneTransaction(consumer, batch);
            if (together != null) {
                return together;
            }
        }
        return oneByOne(consumer, batch);
    }

    /**
     * The fast path: the whole batch's inbox rows and effects in one transaction, so a batch costs one commit instead
     * of one per event. Null when an event breaks its schema or any event fails: then nothing was committed, and the
     * batch goes one event at a time, which isolates the failure and applies the per-key rule.
     */
    private BatchOutcome inOneTransaction(EventConsumer consumer, List<Delivery> batch) {
        var events = new ArrayList<DomainEvent>(batch.size());
        for (Delivery delivery : batch) {
            try {
                events.add(received.read(delivery.event()));
            } catch (InvalidEventException e) {
                return null;
            }
        }
        long started = System.nanoTime();
        boolean[] first = new boolean[batch.size()];
        var held = new ArrayList<EventSpans.HeldSpan>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Delivery delivery = batch.get(i);
            held.add(
                    consumer.types().contains(events.get(i).type())
                            ? spans.holding(consumer.name(), delivery.event(), delivery.attempt())
                            : null);
        }
        try {
            try (EventSpans.ActiveSpan batchSpan = spans.handlingBatch(
                    consumer.name(), batch.stream().map(Delivery::event).toList())) {
                try {
                    tx.inTransaction(() -> {
                        for (int i = 0; i < batch.size(); i++) {
                            if (held.get(i) != null) {
                                handleInBatch(consumer, batch.get(i).event(), events.get(i), held.get(i), first, i);
                            }
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    batchSpan.failed(e);
                    // What these spans did was undone; the one-by-one pass that follows makes spans of its own.
                    held.stream().filter(java.util.Objects::nonNull).forEach(h -> h.outcome("rolled_back"));
                    LOG.debug(
                            "{}: a batch of {} failed as a whole ({}); going one event at a time",
                            consumer.name(),
                            batch.size(),
                            e.toString());
                    return null;
                }
            }
            long perEvent = (System.nanoTime() - started) / batch.size();
            var succeeded = new ArrayList<EventEnvelope>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                EventEnvelope envelope = batch.get(i).event();
                if (held.get(i) == null) {
                    succeeded.add(envelope);
                    continue;
                }
                try (EventSpans.Entered in = held.get(i).enter()) {
                    consumer.afterCommit(events.get(i), envelope);
                } catch (RuntimeException e) {
                    held.get(i).failed(e);
                    // Committed already: the rest go one at a time, where the inbox skips their handle and only the
                    // effects outside the database are tried again.
                    BatchOutcome rest = oneByOne(consumer, batch.subList(i, batch.size()));
                    succeeded.addAll(rest.succeeded());
                    return new BatchOutcome(succeeded, rest.retry(), rest.deadLettered());
                }
                handlerTimer(consumer, envelope).record(perEvent, java.util.concurrent.TimeUnit.NANOSECONDS);
                count(consumer, envelope, first[i] ? "success" : "duplicate");
                succeeded.add(envelope);
            }
            return new BatchOutcome(succeeded, List.of(), List.of());
        } finally {
            held.stream().filter(java.util.Objects::nonNull).forEach(EventSpans.HeldSpan::end);
        }
    }

    private void handleInBatch(
            EventConsumer consumer,
            EventEnvelope envelope,
            DomainEvent event,
            EventSpans.HeldSpan span,
            boolean[] first,
            int i) {
        try (EventSpans.Entered in = span.enter()) {
            first[i] = handleOnce(consumer, event, envelope);
            span.outcome(first[i] ? "success" : "duplicate");
        } catch (RuntimeException e) {
            span.failed(e);
            throw e;
        }
    }

    private BatchOutcome oneByOne(EventConsumer consumer, List<Delivery> batch) {
        var succeeded = new ArrayList<EventEnvelope>();
        var retry = new ArrayList<BatchOutcome.Retry>();
        var dead = new ArrayList<DeadLetter>();
        Map<String, String> failedKeys = new HashMap<>();
        boolean databaseAway = false;
        for (Delivery delivery : batch) {
            EventEnvelope envelope = delivery.event();
            if (databaseAway) {
                // Every later event would fail the same way and only fill the log.
                retry.add(new BatchOutcome.Retry(delivery, "not attempted: the database is unavailable", true, true));
                continue;
            }
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
                    if (!consumer.stateless() && DatabaseUnavailable.isCause(e)) {
                        // Not the event's fault: no attempt is counted, so an outage never dead-letters anything.
                        LOG.warn("{}: the database is unavailable, waiting for it: {}", consumer.name(), error);
                        count(consumer, envelope, "retry");
                        retry.add(new BatchOutcome.Retry(delivery, error, false, true));
                        databaseAway = true;
                        continue;
                    }
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
     * letter could not be stored, the database is away ({@link BatchOutcome#databaseAway()}: the runtime should wait
     * a while) or the wait was interrupted; the runtime must then deliver the rest again.
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
            if (round.settled() || deadLetterStoreFailed || round.databaseAway()) {
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

    /** Inside the caller's transaction: records the event in the inbox and, the first time only, handles it. */
    private boolean handleOnce(EventConsumer consumer, DomainEvent event, EventEnvelope envelope) {
        boolean first = inbox.firstDelivery(consumer.name(), envelope.id());
        if (first) {
            consumer.handle(event, envelope);
        }
        return first;
    }

    private void run(EventConsumer consumer, DomainEvent event, EventEnvelope envelope) {
        Timer.Sample sample = Timer.start(meters);
        boolean first = consumer.stateless() || tx.inTransaction(() -> handleOnce(consumer, event, envelope));
        if (consumer.stateless()) {
            consumer.handle(event, envelope);
        }
        consumer.afterCommit(event, envelope);
        sample.stop(handlerTimer(consumer, envelope));
        count(consumer, envelope, first ? "success" : "duplicate");
    }

    /** In a batch handled in one transaction, each event is credited an equal share of the batch's time. */
    private Timer handlerTimer(EventConsumer consumer, EventEnvelope envelope) {
        return Timer.builder("taskflow.event.handler.duration")
                .description("Time a consumer spent on one event, its transaction included")
                .tag("consumer", consumer.name())
                .tag("type", envelope.type())
                .publishPercentileHistogram()
                .register(meters);
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
