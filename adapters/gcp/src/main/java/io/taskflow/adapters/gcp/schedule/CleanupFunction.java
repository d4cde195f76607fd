package io.taskflow.adapters.gcp.schedule;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.housekeeping.Housekeeping;
import io.taskflow.functions.serverless.FunctionApplication;
import java.time.Instant;

/** Deletes what outlived its retention (every retention rule of the application). */
public class CleanupFunction extends ScheduledJobFunction {
    public static final String JOB = "cleanup";

    private final Housekeeping housekeeping;

    public CleanupFunction() {
        this(FunctionApplication.shared());
    }

    public CleanupFunction(ApplicationContext context) {
        super(context, JOB);
        this.housekeeping = context.getBean(Housekeeping.class);
    }

    @Override
    protected long run(Instant scheduledAt) {
        return housekeeping.run().values().stream()
                .mapToLong(Integer::longValue)
                .sum();
    }
}
