package io.taskflow.core.port;

import io.taskflow.core.event.DomainEvent;
import java.util.List;

/**
 * The publishing port. Appends events to the transactional outbox inside the caller's transaction, so they are
 * published if and only if that transaction commits.
 */
public interface EventOutbox {

    void append(List<? extends DomainEvent> events);

    default void append(DomainEvent event) {
        append(List.of(event));
    }
}
