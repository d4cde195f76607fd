package io.taskflow.adapters.localkafka.schedule;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.functions.housekeeping.Housekeeping;
import io.taskflow.functions.reminder.ReminderSweep;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container runtime's schedules: the in-process scheduler triggers the shared scheduled functions. Every instance
 * runs them; the functions are safe to run concurrently (the sweep skips what another instance holds, deletes are
 * idempotent). A failed run is logged and the next one tries again.
 */
@KafkaRuntime
@Singleton
public class ScheduledJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

    private final ReminderSweep reminders;
    private final Housekeeping housekeeping;
    private final boolean remindersEnabled;
    private final boolean cleanupEnabled;

    ScheduledJobs(
            ReminderSweep reminders,
            Housekeeping housekeeping,
            @Value("${taskflow.reminders.enabled:true}") boolean remindersEnabled,
            @Value("${taskflow.cleanup.enabled:true}") boolean cleanupEnabled) {
        this.reminders = reminders;
        this.housekeeping = housekeeping;
        this.remindersEnabled = remindersEnabled;
        this.cleanupEnabled = cleanupEnabled;
    }

    /** Fires due reminders; runs at start too, so whatever came due while no instance ran fires at once. */
    @Scheduled(fixedDelay = "${taskflow.reminders.interval:5s}")
    public void sweepReminders() {
        if (!remindersEnabled) {
            return;
        }
        try {
            reminders.sweep();
        } catch (RuntimeException e) {
            LOG.warn("reminder sweep failed, the next run tries again: {}", e.toString());
        }
    }

    /** Deletes what has outlived its retention; nightly by default, when the load is lowest. */
    @Scheduled(cron = "${taskflow.cleanup.cron:0 30 3 * * *}")
    public void cleanUp() {
        if (!cleanupEnabled) {
            return;
        }
        housekeeping.run();
    }
}
