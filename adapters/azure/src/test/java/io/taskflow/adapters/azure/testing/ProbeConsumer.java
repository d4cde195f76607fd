package io.taskflow.adapters.azure.testing;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer of task updates that fails on the events a test names, a given number of times or always; each event it
 * processed (committed) is a line of the journal, in the order of processing.
 */
@Singleton
public class ProbeConsumer implements EventConsumer {
    public static final String NAME = "probe";

    private final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();
    private final Journal journal;

    ProbeConsumer(Journal journal) {
        this.journal = journal;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public java.util.Set<EventType> types() {
        return java.util.Set.of(EventType.TASK_UPDATED);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        AtomicInteger left = failing.get(envelope.id());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("probe fails on " + envelope.id());
        }
    }

    @Override
    public void afterCommit(DomainEvent event, EventEnvelope envelope) {
        journal.add("processed " + envelope.id());
    }

    public void failAlways(String eventId) {
        failing.put(eventId, new AtomicInteger(Integer.MAX_VALUE));
    }

    public void failTimes(String eventId, int times) {
        failing.put(eventId, new AtomicInteger(times));
    }
}
