package io.taskflow.adapters.aws.schedule;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.notification.DailyDigest;
import io.taskflow.functions.serverless.FunctionApplication;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Sends the daily digest of the UTC day the run was scheduled for, so a retried or late run still sends that day's
 * digest; each (user, day) is claimed first, so nobody gets two.
 */
public class DailyDigestHandler extends ScheduledJobHandler {
    public static final String JOB = "digest";

    private final DailyDigest digest;

    public DailyDigestHandler() {
        this(FunctionApplication.shared());
    }

    public DailyDigestHandler(ApplicationContext context) {
        super(context, JOB);
        this.digest = context.getBean(DailyDigest.class);
    }

    @Override
    protected long run(Instant scheduledAt) {
        return digest.run(scheduledAt.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
