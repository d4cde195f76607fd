package io.taskflow.adapters.gcp.schedule;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.notification.DailyDigest;
import io.taskflow.functions.serverless.FunctionApplication;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Sends the daily digest of the UTC day the run was scheduled for; each (user, day) is claimed first, so a retried run
 * sends nobody a second one.
 */
public class DailyDigestFunction extends ScheduledJobFunction {
    public static final String JOB = "digest";

    private final DailyDigest digest;

    public DailyDigestFunction() {
        this(FunctionApplication.shared());
    }

    public DailyDigestFunction(ApplicationContext context) {
        super(context, JOB);
        this.digest = context.getBean(DailyDigest.class);
    }

    @Override
    protected long run(Instant scheduledAt) {
        return digest.run(scheduledAt.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
