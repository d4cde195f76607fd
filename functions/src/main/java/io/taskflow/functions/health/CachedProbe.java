package io.taskflow.functions.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One health check that may block (a connection, a query, a broker round trip), made cheap to ask often: the answer is
 * kept for {@code freshFor}; only one check runs at a time, however many probes ask; a probe waits at most {@code
 * timeout} and reads DOWN when the check has not answered by then (the check goes on, and its answer is kept).
 */
public final class CachedProbe {
    private final String name;
    private final Duration freshFor;
    private final Duration timeout;
    private final Supplier<HealthResult> check;
    private final Executor executor;

    private HealthResult last;
    private long lastAt;
    private CompletableFuture<HealthResult> running;

    /**
     * @param check returns the result, or throws to say DOWN; runs on {@code executor}
     */
    public CachedProbe(
            String name, Duration freshFor, Duration timeout, Executor executor, Supplier<HealthResult> check) {
        this.name = name;
        this.freshFor = freshFor;
        this.timeout = timeout;
        this.executor = executor;
        this.check = check;
    }

    public CompletableFuture<HealthResult> result() {
        CompletableFuture<HealthResult> current;
        synchronized (this) {
            if (last != null && System.nanoTime() - lastAt < freshFor.toNanos()) {
                return CompletableFuture.completedFuture(last);
            }
            if (running == null || running.isDone()) {
                running =
                        CompletableFuture.supplyAsync(this::checkNow, executor).thenApply(this::remember);
            }
            current = running;
        }
        return current.copy().completeOnTimeout(unanswered(), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private HealthResult checkNow() {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return down(name, e);
        }
    }

    private synchronized HealthResult remember(HealthResult result) {
        last = result;
        lastAt = System.nanoTime();
        return result;
    }

    private HealthResult unanswered() {
        return HealthResult.builder(name, HealthStatus.DOWN)
                .details(Map.of("error", "no answer within " + timeout.toMillis() + " ms"))
                .build();
    }

    /**
     * DOWN with the failure's type and message. Not {@code HealthResult.Builder.exception}: that logs an error on
     * every probe, and a dependency that is away is already logged by the code that uses it.
     */
    public static HealthResult down(String name, Throwable failure) {
        return down(name, failure, Map.of());
    }

    public static HealthResult down(String name, Throwable failure, Map<String, Object> details) {
        Throwable cause = failure;
        while (cause.getCause() != null
                && (cause instanceof ExecutionException || cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        var all = new LinkedHashMap<String, Object>(details);
        all.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return HealthResult.builder(name, HealthStatus.DOWN).details(all).build();
    }
}
