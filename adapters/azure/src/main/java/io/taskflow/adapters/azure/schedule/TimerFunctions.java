package io.taskflow.adapters.azure.schedule;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import io.micronaut.azure.function.AzureFunction;
import io.micronaut.context.ApplicationContextBuilder;
import io.taskflow.adapters.azure.function.Invocations;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.housekeeping.Housekeeping;
import io.taskflow.functions.notification.DailyDigest;
import io.taskflow.functions.outbox.OutboxBacklog;
import io.taskflow.functions.outbox.OutboxRelay;
import io.taskflow.functions.reminder.ReminderSweep;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer triggers (NCRONTAB, UTC), each running one shared scheduled job of {@code functions}: the outbox sweep and
 * the reminder sweep every minute, the daily digest at 07:00 and the clean-up at 03:30. A job that throws fails its
 * invocation and runs again at the next occurrence (or sooner, by the retry policy); every job is safe to run twice.
 * Each writes one log line the alerts read: {@code job=<name> done=<n>}.
 */
public class TimerFunctions extends AzureFunction {
    private static final Logger LOG = LoggerFactory.getLogger(TimerFunctions.class);

    public static final String OUTBOX_SWEEP = "outbox-sweep";
    public static final String REMINDERS = "reminders";
    public static final String DIGEST = "digest";
    public static final String CLEANUP = "cleanup";

    /** The worker's entry. */
    public TimerFunctions() {
        super();
    }

    public TimerFunctions(ApplicationContextBuilder builder) {
        super(builder);
    }

    @FunctionName(OUTBOX_SWEEP)
    @ExponentialBackoffRetry(maxRetryCount = 3, minimumInterval = "00:00:05", maximumInterval = "00:00:30")
    public void outboxSweep(
            @TimerTrigger(name = "timer", schedule = "0 */1 * * * *") String timer, ExecutionContext context) {
        run(OUTBOX_SWEEP, timer);
    }

    @FunctionName(REMINDERS)
    @ExponentialBackoffRetry(maxRetryCount = 3, minimumInterval = "00:00:05", maximumInterval = "00:00:30")
    public void reminders(
            @TimerTrigger(name = "timer", schedule = "0 */1 * * * *") String timer, ExecutionContext context) {
        run(REMINDERS, timer);
    }

    @FunctionName(DIGEST)
    @ExponentialBackoffRetry(maxRetryCount = 5, minimumInterval = "00:01:00", maximumInterval = "00:15:00")
    public void digest(@TimerTrigger(name = "timer", schedule = "0 0 7 * * *") String timer, ExecutionContext context) {
        run(DIGEST, timer);
    }

    @FunctionName(CLEANUP)
    @ExponentialBackoffRetry(maxRetryCount = 5, minimumInterval = "00:01:00", maximumInterval = "00:15:00")
    public void cleanup(
            @TimerTrigger(name = "timer", schedule = "0 30 3 * * *") String timer, ExecutionContext context) {
        run(CLEANUP, timer);
    }

    /**
     * Runs one job as its timer does, the invocation's flush included.
     *
     * @param timer the timer trigger's JSON; null for a run by hand
     * @return how much it did (events relayed, reminders fired, digests sent, rows deleted)
     * @throws IllegalArgumentException for a job that is not one of the four
     */
    public long run(String job, String timer) {
        LongSupplier work = switch (job) {
            case OUTBOX_SWEEP -> this::sweepOutbox;
            case REMINDERS -> () -> bean(ReminderSweep.class).sweep();
            // The UTC day the run happens on: a late or retried run still sends that day's digest, and
            // each (user, day) is claimed first, so nobody gets two.
            case DIGEST ->
                () -> bean(DailyDigest.class)
                        .run(bean(TimeSource.class)
                                .now()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate());
            case CLEANUP ->
                () -> bean(Housekeeping.class).run().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum();
            default ->
                throw new IllegalArgumentException(
                        "no timer job named " + job + " (outbox-sweep, reminders, digest, cleanup)");
        };
        TimerInfo info = TimerInfo.read(timer);
        long done = Invocations.publishingAfter(getApplicationContext(), work::getAsLong);
        LOG.info("job={} done={} past_due={}", job, done, info.pastDue());
        return done;
    }

    /**
     * Relays what the invocations could not publish themselves, and logs the backlog left, which the outbox alert
     * reads: {@code outbox_backlog pending=<n> oldest_age_seconds=<s>}.
     */
    private long sweepOutbox() {
        int published = bean(OutboxRelay.class).drain();
        OutboxBacklog.Snapshot left = bean(OutboxBacklog.class).read();
        LOG.info(
                "outbox_backlog pending={} oldest_age_seconds={}",
                left.pending(),
                left.oldestAge(Instant.now()).toSeconds());
        return published;
    }

    private <T> T bean(Class<T> type) {
        return getApplicationContext().getBean(type);
    }
}
