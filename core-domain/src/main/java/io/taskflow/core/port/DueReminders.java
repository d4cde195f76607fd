package io.taskflow.core.port;

import io.taskflow.core.reminder.DueReminder;
import java.util.List;

/**
 * The reminders whose time has come. "Due" is decided by the store's own clock (the database's), so that every
 * instance of every runtime agrees on it whatever their clocks say.
 */
public interface DueReminders {

    /**
     * Takes up to {@code limit} due reminders that have not fired, of tasks that are not completed, earliest first,
     * and holds them until the surrounding transaction ends. Reminders another transaction holds are skipped, not
     * waited for: two sweepers share the work instead of queueing behind each other.
     */
    List<DueReminder> claimDue(int limit);

    /**
     * Records that the reminder fired, in the surrounding transaction; false when it fired already or was moved
     * meanwhile, in which case no event may be published for it.
     */
    boolean markFired(DueReminder reminder);
}
