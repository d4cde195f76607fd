package io.taskflow.functions.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.outbox.OutboxBacklog;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.reactivestreams.Publisher;

/**
 * {@code outbox}: DOWN when the oldest unpublished event has waited longer than {@code taskflow.health.outbox-max-age}
 * (5 minutes), i.e. events are written but no longer reach the broker. The details say how many wait and for how long.
 * DOWN as well when the outbox cannot be read (the probe turns the failure into DOWN).
 */
@Singleton
@Readiness
public class OutboxHealthIndicator implements HealthIndicator {
    static final String NAME = "outbox";

    private final CachedProbe probe;

    OutboxHealthIndicator(
            OutboxBacklog backlog,
            TimeSource time,
            HealthProbes probes,
            @Value("${taskflow.health.outbox-max-age:5m}") Duration maxAge) {
        this.probe = probes.probe(NAME, () -> check(backlog, time, maxAge));
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(probe::result);
    }

    static HealthResult check(OutboxBacklog backlog, TimeSource time, Duration maxAge) {
        OutboxBacklog.Snapshot snapshot = backlog.read();
        Duration age = snapshot.oldestAge(time.now());
        var details = new LinkedHashMap<String, Object>();
        details.put("pending", snapshot.pending());
        details.put("oldestAgeSeconds", age.toMillis() / 1000.0);
        details.put("maxAgeSeconds", maxAge.toSeconds());
        HealthStatus status = age.compareTo(maxAge) > 0 ? HealthStatus.DOWN : HealthStatus.UP;
        return HealthResult.builder(NAME, status).details(details).build();
    }
}
