package io.taskflow.functions.recurrence;

import io.micronaut.context.annotation.Factory;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.SeriesLinks;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.recurrence.CreateNextOccurrence;
import jakarta.inject.Singleton;

/** Wires the core's recurrence use case. */
@Factory
class RecurrenceFactory {

    @Singleton
    CreateNextOccurrence createNextOccurrence(
            Transactions tx, TaskStore tasks, SeriesLinks links, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        return new CreateNextOccurrence(tx, tasks, links, outbox, time, ids);
    }
}
