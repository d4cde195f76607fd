package io.taskflow.adapters.aws.schedule;

import io.micronaut.context.ApplicationContext;
import io.taskflow.adapters.aws.metrics.EmbeddedMetrics;
import io.taskflow.functions.outbox.OutboxBacklog;
import io.taskflow.functions.outbox.OutboxRelay;
import io.taskflow.functions.serverless.FunctionApplication;
import java.time.Instant;
import java.util.Map;

/**
 * Relays what the invocations could not publish themselves (MSK away, a function that timed out after its commit),
 * and reports the age of the oldest event still waiting, which the outbox alarm watches.
 */
public class OutboxSweepHandler extends ScheduledJobHandler {
    public static final String JOB = "outbox-sweep";

    private final OutboxRelay relay;
    private final OutboxBacklog backlog;
    private final EmbeddedMetrics metrics;

    public OutboxSweepHandler() {
        this(FunctionApplication.shared());
    }

    public OutboxSweepHandler(ApplicationContext context) {
        super(context, JOB);
        this.relay = context.getBean(OutboxRelay.class);
        this.backlog = context.getBean(OutboxBacklog.class);
        this.metrics = context.getBean(EmbeddedMetrics.class);
    }

    @Override
    protected long run(Instant scheduledAt) {
        int published = relay.drain();
        OutboxBacklog.Snapshot left = backlog.read();
        metrics.put("OutboxPending", left.pending(), "Count", Map.of());
        metrics.put(
                "OutboxOldestPendingAgeSeconds", left.oldestAge(Instant.now()).toSeconds(), "Seconds", Map.of());
        return published;
    }
}
