package io.taskflow.functions.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The outbox backlog: how many events wait to be published, and how long the oldest has waited. */
@Singleton
class OutboxMetrics {
    record Backlog(long pending, Instant oldest) {}

    private final Refreshed<Backlog> backlog;
    private final TimeSource time;
    private final MeterRegistry registry;

    OutboxMetrics(
            MeterRegistry registry,
            JdbcOperations jdbc,
            TransactionOperations<Connection> tx,
            TimeSource time,
            @Value("${taskflow.metrics.refresh-interval:5s}") Duration refresh) {
        this.time = time;
        this.registry = registry;
        this.backlog = new Refreshed<>(
                refresh,
                () -> tx.executeRead(status -> jdbc.prepareStatement(
                        "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE published_at IS NULL", ps -> {
                            try (var rs = ps.executeQuery()) {
                                rs.next();
                                OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                                return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                            }
                        })));
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
        Backlog b = backlog.get();
        return b == null ? Double.NaN : b.pending();
    }

    double oldestAgeSeconds() {
        Backlog b = backlog.get();
        if (b == null) {
            return Double.NaN;
        }
        return b.oldest() == null
                ? 0
                : Math.max(0, Duration.between(b.oldest(), time.now()).toMillis() / 1000.0);
    }
}
