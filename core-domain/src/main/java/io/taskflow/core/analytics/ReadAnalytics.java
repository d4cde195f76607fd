package io.taskflow.core.analytics;

import io.taskflow.core.port.AnalyticsStore;
import io.taskflow.core.port.TimeSource;
import java.time.Instant;
import java.time.LocalDate;

/** Summaries over the analytics numbers, and the count of tasks that are overdue right now. */
public final class ReadAnalytics {
    private final AnalyticsStore store;
    private final TimeSource time;

    public ReadAnalytics(AnalyticsStore store, TimeSource time) {
        this.store = store;
        this.time = time;
    }

    /** Today, as a UTC day: what a period without explicit dates ends on. */
    public LocalDate today() {
        return UtcDays.of(time.now());
    }

    /** Overdue counts are as of now: a task due later today is not overdue yet. */
    public AnalyticsSummary summary(AnalyticsScope scope, SummaryPeriod period) {
        Instant now = time.now();
        return AnalyticsSummary.of(
                period,
                store.daily(scope, period.from(), period.to()),
                store.overdueByDueDay(scope, period.from(), period.to(), now));
    }

    public long overdueNow() {
        return store.overdueNow(time.now());
    }
}
