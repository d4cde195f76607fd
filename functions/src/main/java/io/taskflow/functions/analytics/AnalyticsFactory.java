package io.taskflow.functions.analytics;

import io.micronaut.context.annotation.Factory;
import io.taskflow.core.analytics.ReadAnalytics;
import io.taskflow.core.analytics.TrackTaskActivity;
import io.taskflow.core.port.AnalyticsStore;
import io.taskflow.core.port.TimeSource;
import io.taskflow.core.port.Transactions;
import jakarta.inject.Singleton;

/** Wires the core's analytics use cases. */
@Factory
class AnalyticsFactory {

    @Singleton
    TrackTaskActivity trackTaskActivity(Transactions tx, AnalyticsStore store) {
        return new TrackTaskActivity(tx, store);
    }

    @Singleton
    ReadAnalytics readAnalytics(AnalyticsStore store, TimeSource time) {
        return new ReadAnalytics(store, time);
    }
}
