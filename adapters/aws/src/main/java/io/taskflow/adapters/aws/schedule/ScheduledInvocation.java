package io.taskflow.adapters.aws.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The input each EventBridge Scheduler schedule passes to its function (set in Terraform): the job's name, and the
 * time the run was scheduled for, which the scheduler fills in from {@code <aws.scheduler.scheduled-time>}.
 */
@Serdeable
public record ScheduledInvocation(
        @Nullable String job, @Nullable String scheduledTime) {

    /** When the run was meant to happen; now when the input does not say (a manual invocation). */
    public Instant scheduledAt(Instant now) {
        if (scheduledTime == null || scheduledTime.isBlank() || scheduledTime.startsWith("<")) {
            return now;
        }
        return Instant.parse(scheduledTime);
    }
}
