package io.taskflow.core.reminder;

import io.taskflow.core.event.ReminderTriggered;
import io.taskflow.core.port.DueReminders;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.IdGenerator;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import java.util.ArrayList;

/**
 * Fires due reminders: in one transaction, claims a batch, marks each fired and appends one {@code reminder.triggered}
 * per reminder to the outbox. The mark and the event commit together, so a reminder fires exactly once however many
 * sweepers run and however late they run.
 */
public final class TriggerReminders {
    private final Transactions tx;
    private final DueReminders reminders;
    private final EventOutbox outbox;
    private final TimeSource time;
    private final IdGenerator ids;

    public TriggerReminders(
            Transactions tx, DueReminders reminders, EventOutbox outbox, TimeSource time, IdGenerator ids) {
        this.tx = tx;
        this.reminders = reminders;
        this.outbox = outbox;
        this.time = time;
        this.ids = ids;
    }

    /**
     * @param claimed how many due reminders the round took; fewer than the limit means none were left to take
     * @param fired how many of them fired (one taken meanwhile by another sweeper does not)
     */
    public record Round(int claimed, int fired) {}

    /** One batch of at most {@code limit} reminders, in one transaction. */
    public Round fireDue(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return tx.inTransaction(() -> {
            var due = reminders.claimDue(limit);
            var now = time.now();
            var events = new ArrayList<ReminderTriggered>();
            for (DueReminder reminder : due) {
                if (reminders.markFired(reminder)) {
                    events.add(reminder.triggered(ids.newId(), now));
                }
            }
            if (!events.isEmpty()) {
                outbox.append(events);
            }
            return new Round(due.size(), events.size());
        });
    }
}
