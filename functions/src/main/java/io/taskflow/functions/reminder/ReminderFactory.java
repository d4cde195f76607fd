package io.taskflow.functions.reminder;

import io.micronaut.context.annotation.Factory;
import io.taskflow.core.port.DueReminders;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.reminder.TriggerReminders;
import jakarta.inject.Singleton;

/** Wires the core's reminder use case. */
@Factory
class ReminderFactory {

    @Singleton
    TriggerReminders triggerReminders(
            Transactions tx, DueReminders reminders, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        return new TriggerReminders(tx, reminders, outbox, time, ids);
    }
}
