package io.taskflow.core.testing;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.port.EventOutbox;
import java.util.ArrayList;
import java.util.List;

/** Keeps every appended event in order; can be told to fail the next append, to test rollbacks. */
public final class RecordingOutbox implements EventOutbox, Rollbackable {
    private final List<DomainEvent> events = new ArrayList<>();
    private RuntimeException nextFailure;

    @Override
    public void append(List<? extends DomainEvent> appended) {
        if (nextFailure != null) {
            var failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        events.addAll(appended);
    }

    /** The next call of {@link #append} throws {@code failure} and records nothing. */
    public void failNextAppend(RuntimeException failure) {
        this.nextFailure = failure;
    }

    public List<DomainEvent> events() {
        return List.copyOf(events);
    }

    public <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        events.clear();
    }

    @Override
    public Runnable checkpoint() {
        var copy = List.copyOf(events);
        return () -> {
            events.clear();
            events.addAll(copy);
        };
    }
}
