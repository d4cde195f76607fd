package io.taskflow.functions.recurrence;

import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.recurrence.CreateNextOccurrence;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to {@code task.completed}: a completed recurring task gets its next occurrence, created with its
 * {@code task.created} in the transaction that records the completion in this consumer's inbox.
 */
@Singleton
public class RecurrenceConsumer implements EventConsumer {
    public static final String NAME = "recurrence";
    private static final Logger LOG = LoggerFactory.getLogger(RecurrenceConsumer.class);

    private final CreateNextOccurrence createNext;

    RecurrenceConsumer(CreateNextOccurrence createNext) {
        this.createNext = createNext;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return Set.of(EventType.TASK_COMPLETED);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof TaskCompleted completed) {
            createNext
                    .after(completed)
                    .ifPresent(next -> LOG.debug(
                            "task {} recurs as {} due {}",
                            completed.aggregateId(),
                            next.id(),
                            next.details().dueAt()));
        }
    }
}
