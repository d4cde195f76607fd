package io.taskflow.adapters.localkafka.dapr.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.adapters.localkafka.dapr.subscribe.SidecarToken;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.housekeeping.Housekeeping;
import io.taskflow.functions.notification.DailyDigest;
import io.taskflow.functions.outbox.OutboxRelay;
import io.taskflow.functions.reminder.ReminderSweep;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The scheduled functions, triggered by Dapr cron input bindings: the sidecar calls {@code POST /<binding name>} on
 * each tick (the schedules live in the bindings' component files, not here). Each function is safe to run on every
 * replica at once, which is what a cron binding does. A failed run answers 500; the sidecar logs it and the next tick
 * tries again. In this runtime the in-process scheduler is off.
 */
@Controller
@DaprRuntime
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class CronBindings {
    static final String OUTBOX_SWEEP = "taskflow-cron-outbox-sweep";
    static final String REMINDERS = "taskflow-cron-reminders";
    static final String DIGEST = "taskflow-cron-digest";
    static final String CLEANUP = "taskflow-cron-cleanup";

    private final OutboxRelay relay;
    private final ReminderSweep reminders;
    private final DailyDigest digest;
    private final Housekeeping housekeeping;
    private final TimeSource time;
    private final SidecarToken token;

    CronBindings(
            OutboxRelay relay,
            ReminderSweep reminders,
            DailyDigest digest,
            Housekeeping housekeeping,
            TimeSource time,
            SidecarToken token) {
        this.relay = relay;
        this.reminders = reminders;
        this.digest = digest;
        this.housekeeping = housekeeping;
        this.time = time;
        this.token = token;
    }

    @Serdeable
    record Ran(String job, long count) {}

    /** Publishes what the relay loop left (written by another instance, or while the sidecar was away). */
    @Post("/" + OUTBOX_SWEEP)
    Ran outboxSweep(@Header(SidecarToken.HEADER) @Nullable String apiToken) {
        token.check(apiToken);
        return new Ran(OUTBOX_SWEEP, relay.drain());
    }

    @Post("/" + REMINDERS)
    Ran reminders(@Header(SidecarToken.HEADER) @Nullable String apiToken) {
        token.check(apiToken);
        return new Ran(REMINDERS, reminders.sweep());
    }

    /** The digest of the current UTC day; each user gets one per day however often the binding fires. */
    @Post("/" + DIGEST)
    Ran digest(@Header(SidecarToken.HEADER) @Nullable String apiToken) {
        token.check(apiToken);
        LocalDate today = time.now().atOffset(ZoneOffset.UTC).toLocalDate();
        return new Ran(DIGEST, digest.run(today));
    }

    @Post("/" + CLEANUP)
    Ran cleanup(@Header(SidecarToken.HEADER) @Nullable String apiToken) {
        token.check(apiToken);
        Map<String, Integer> purged = housekeeping.run();
        return new Ran(
                CLEANUP, purged.values().stream().mapToLong(Integer::longValue).sum());
    }
}
