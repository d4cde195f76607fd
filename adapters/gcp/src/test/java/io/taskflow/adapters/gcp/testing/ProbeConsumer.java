package io.taskflow.adapters.gcp.testing;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A consumer of task updates that fails on the events a test names; what it processed is in the inbox. */
@Singleton
public class ProbeConsumer implements EventConsumer {
    public static final String NAME = "probe";

    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return Set.of(EventType.TASK_UPDATED);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (failing.contains(envelope.id())) {
            throw new IllegalStateException("probe fails on " + envelope.id());
        }
    }

    public void failOn(String eventId) {
        failing.add(eventId);
    }
}
