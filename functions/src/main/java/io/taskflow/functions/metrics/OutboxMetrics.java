package io.taskflow.functions.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.outbox.OutboxBacklog;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The outbox backlog: how many events wait to be published, and how long the oldest has waited. */
@Singleton
class OutboxMetrics {
    private final Refreshed<OutboxBacklog.Snapshot> backlog;
    private final TimeSource time;
    private final MeterRegistry registry;

    OutboxMetrics(
            MeterRegistry registry,
            OutboxBacklog outbox,
            TimeSource time,
            @Value("${taskflow.metrics.refresh-interval:5s}") Duration refresh) {
        this.time = time;
        this.registry = registry;
        this.backlog = new Refreshed<>(refresh, outbox::read);
    }

    /**
     * Registered once the context has started rather than as a {@code MeterBinder}: binders are built with the
     * registry, and this one's database or broker dependencies would need the registry themselves.
     */
    @EventListener
    void register(StartupEvent started) {
        Gauge.builder("taskflow.outbox.pending.events", this, m -> m.pending())
                .description("Events written to the outbox and not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("taskflow.outbox.oldest.pending.age", this, m -> m.oldestAgeSeconds())
                .description("How long the oldest unpublished event has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    double pending() {
        OutboxBacklog.Snapshot b = backlog.get();
        return b == null ? Double.NaN : b.pending();
    }

    double oldestAgeSeconds() {
        OutboxBacklog.Snapshot b = backlog.get();
        return b == null ? Double.NaN : b.oldestAge(time.now()).toMillis() / 1000.0;
    }
}
