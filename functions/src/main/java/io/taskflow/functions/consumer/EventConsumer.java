package io.taskflow.functions.consumer;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import java.util.Set;

/**
 * One consumer: a name (its consumer group, inbox key and dead-letter destination), the event types it listens to,
 * and what it does with each event. The logic itself lives in the core; an implementation only calls it.
 */
public interface EventConsumer {

    /** Lower-case letters and dashes: it names the consumer group and the dead-letter topic. */
    String name();

    Set<EventType> types();

    /**
     * Runs inside the transaction that records the event in the inbox, and only for its first delivery: database
     * effects made here happen exactly once. Throwing rolls both back and the event is retried.
     */
    void handle(DomainEvent event, EventEnvelope envelope);

    /**
     * Runs after that transaction committed, on every delivery, including a redelivery whose {@link #handle} was
     * skipped: effects outside the database (mail, webhooks) are sent from here, each claimed in the database first so
     * that it goes out at most once. Throwing makes the event retried; {@link #handle} is not repeated.
     */
    default void afterCommit(DomainEvent event, EventEnvelope envelope) {}

    /**
     * True when the consumer keeps no inbox and no dead letters: it only forwards (the live feed), so a repeat or an
     * event it skipped after a failure is harmless.
     */
    default boolean stateless() {
        return false;
    }
}
