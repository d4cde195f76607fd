package io.taskflow.functions.reminder;

import io.micronaut.context.annotation.Value;
import io.taskflow.core.reminder.TriggerReminders;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled function that fires due reminders, the same on every runtime (a container's scheduler, a cloud's
 * scheduled trigger). Each batch is one transaction; it goes on until no due reminder is left, so a run after downtime
 * catches up on everything missed. Safe to run on many instances at once: each reminder fires exactly once.
 */
@Singleton
public class ReminderSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);

    private final TriggerReminders trigger;
    private final int batchSize;

    ReminderSweep(TriggerReminders trigger, @Value("${taskflow.reminders.batch-size:100}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("taskflow.reminders.batch-size must be positive, was " + batchSize);
        }
        this.trigger = trigger;
        this.batchSize = batchSize;
    }

    /** Fires every reminder due now; returns how many this call fired (another sweeper may have fired the rest). */
    public int sweep() {
        int fired = 0;
        TriggerReminders.Round round;
        do {
            round = trigger.fireDue(batchSize);
            fired += round.fired();
            // A full batch may mean more are due; a batch that fired nothing was taken by another sweeper meanwhile.
        } while (round.claimed() == batchSize && round.fired() > 0);
        if (fired > 0) {
            LOG.info("fired {} reminder(s)", fired);
        }
        return fired;
    }
}
