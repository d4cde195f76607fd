package io.taskflow.adapters.gcp.schedule;

import io.micronaut.context.ApplicationContext;
import io.taskflow.functions.reminder.ReminderSweep;
import io.taskflow.functions.serverless.FunctionApplication;
import java.time.Instant;

/** Fires the reminders that came due; their {@code reminder.triggered} events leave with the invocation's flush. */
public class ReminderSweepFunction extends ScheduledJobFunction {
    public static final String JOB = "reminders";

    private final ReminderSweep sweep;

    public ReminderSweepFunction() {
        this(FunctionApplication.shared());
    }

    public ReminderSweepFunction(ApplicationContext context) {
        super(context, JOB);
        this.sweep = context.getBean(ReminderSweep.class);
    }

    @Override
    protected long run(Instant scheduledAt) {
        return sweep.sweep();
    }
}
