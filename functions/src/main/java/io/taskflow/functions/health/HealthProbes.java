package io.taskflow.functions.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Makes the {@link CachedProbe}s of the readiness checks alike: {@code taskflow.health.timeout} (2 s) is how long a
 * probe waits for one check, {@code taskflow.health.refresh-interval} (5 s) how long an answer is kept. The checks run
 * on the blocking pool, never on the event loop that serves the probe.
 */
@Singleton
public class HealthProbes {
    private final ExecutorService executor;
    private final Duration timeout;
    private final Duration refreshInterval;

    HealthProbes(
            @Named(TaskExecutors.BLOCKING) ExecutorService executor,
            @Value("${taskflow.health.timeout:2s}") Duration timeout,
            @Value("${taskflow.health.refresh-interval:5s}") Duration refreshInterval) {
        this.executor = executor;
        this.timeout = timeout;
        this.refreshInterval = refreshInterval;
    }

    public CachedProbe probe(String name, Supplier<HealthResult> check) {
        return new CachedProbe(name, refreshInterval, timeout, executor, check);
    }

    /** What a check's own client timeout should be, so it gives up no later than the probe stops waiting. */
    public Duration timeout() {
        return timeout;
    }
}
