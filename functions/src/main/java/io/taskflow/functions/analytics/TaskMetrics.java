package io.taskflow.functions.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.taskflow.core.analytics.ReadAnalytics;
import io.taskflow.core.analytics.Tracked;
import java.time.Duration;

/**
 * The business metrics: tasks created and completed, the time from creation to completion, and how many open tasks
 * are overdue now. Registered at start so a scrape shows them before the first event.
 */
@Context
public class TaskMetrics {
    /**
     * Not {@code taskflow.tasks.created}: the Prometheus client reserves the suffix {@code _created} (OpenMetrics' counter
     * creation time) and would scrape that counter as {@code taskflow_tasks_total}. Completed follows the same order.
     */
    public static final String CREATED = "taskflow.created.tasks";

    public static final String COMPLETED = "taskflow.completed.tasks";

    /** Task lifetimes run from minutes to months: the buckets follow a human calendar, not a request's latency. */
    static final Duration[] COMPLETION_BUCKETS = {
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        Duration.ofHours(1),
        Duration.ofHours(2),
        Duration.ofHours(4),
        Duration.ofHours(8),
        Duration.ofHours(12),
        Duration.ofDays(1),
        Duration.ofDays(2),
        Duration.ofDays(3),
        Duration.ofDays(7),
        Duration.ofDays(14),
        Duration.ofDays(30),
        Duration.ofDays(90)
    };

    private final Counter created;
    private final Counter completed;
    private final Timer completion;

    TaskMetrics(
            MeterRegistry registry,
            BeanProvider<ReadAnalytics> analytics,
            @Value("${taskflow.analytics.overdue-gauge-ttl:5s}") Duration overdueTtl) {
        created = Counter.builder(CREATED)
                .description("Tasks created (each task.created event counted once)")
                .register(registry);
        completed = Counter.builder(COMPLETED)
                .description("Task completions (each task.completed event counted once)")
                .register(registry);
        completion = Timer.builder("taskflow.task.completion.duration")
                .description("Time from a task's creation to its completion")
                .serviceLevelObjectives(COMPLETION_BUCKETS)
                .register(registry);
        // Resolved lazily: the registry is built before the database beans the query needs.
        var overdue = new RecentValue(() -> analytics.get().overdueNow(), overdueTtl);
        Gauge.builder("taskflow.tasks.overdue", overdue, RecentValue::get)
                .description("Open tasks past their due time, all users (cached for a few seconds)")
                .strongReference(true)
                .register(registry);
    }

    void record(Tracked tracked) {
        if (tracked.created()) {
            created.increment();
        }
        if (tracked.completed()) {
            completed.increment();
            completion.record(tracked.completedAfter());
        }
    }
}
