package io.taskflow.adapters.gcp.schedule;

import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.gcp.metrics.LogMetrics;
import io.taskflow.functions.outbox.OutboxBacklog;
import io.taskflow.functions.outbox.OutboxRelay;
import io.taskflow.functions.serverless.FunctionApplication;
import java.time.Instant;
import java.util.Map;

/**
 * Relays what the invocations could not publish themselves (Pub/Sub away, a function that timed out after its commit),
 * and reports the age of the oldest event still waiting, which the outbox alert watches.
 */
public class OutboxSweepFunction extends ScheduledJobFunction {
    public static final String JOB = "outbox-sweep";

    private final OutboxRelay relay;
    private final OutboxBacklog backlog;
    private final LogMetrics metrics;

    public OutboxSweepFunction() {
        this(FunctionApplication.shared());
    }

    public OutboxSweepFunction(ApplicationContext context) {
        super(context, JOB);
        this.relay = context.getBean(OutboxRelay.class);
        this.backlog = context.getBean(OutboxBacklog.class);
        this.metrics = context.getBean(LogMetrics.class);
    }

    @Override
    protected long run(Instant scheduledAt) {
        int published = relay.drain();
        OutboxBacklog.Snapshot left = backlog.read();
        metrics.put("OutboxPending", left.pending(), Map.of());
        metrics.put(
                "OutboxOldestPendingAgeSeconds", left.oldestAge(Instant.now()).toSeconds(), Map.of());
        return published;
    }
}
