package io.taskflow.adapters.aws.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.aws.function.JsonStreamHandler;
import io.taskflow.core.port.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled function: EventBridge Scheduler invokes it with a {@link ScheduledInvocation}, and it runs one shared
 * scheduled job of {@code functions}. A job that throws fails the invocation, and the schedule's retry policy and
 * dead-letter queue take over; the jobs are safe to run twice.
 */
public abstract class ScheduledJobHandler extends JsonStreamHandler<ScheduledInvocation, JobResult> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobHandler.class);

    private final String job;
    private final TimeSource time;

    protected ScheduledJobHandler(ApplicationContext context, String job) {
        super(context, ScheduledInvocation.class);
        this.job = job;
        this.time = context.getBean(TimeSource.class);
    }

    /** The name schedules pass as {@code job}; one function per job. */
    public String job() {
        return job;
    }

    @Override
    protected JobResult handle(ScheduledInvocation invocation, Context lambda) {
        if (invocation.job() != null && !job.equals(invocation.job())) {
            throw new IllegalArgumentException(
                    "this function runs the job " + job + ", not " + invocation.job() + ": check the schedule's input");
        }
        long done = run(invocation.scheduledAt(time.now()));
        LOG.info("{} done: {}", job, done);
        return new JobResult(job, done);
    }

    protected abstract long run(java.time.Instant scheduledAt);
}
