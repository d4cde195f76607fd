package io.taskflow.functions.analytics;

import io.taskflow.core.analytics.TrackTaskActivity;
import io.taskflow.core.analytics.Tracked;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;

/** Task events into the analytics projection and daily counters; the business metrics follow each commit. */
@Singleton
public class AnalyticsConsumer implements EventConsumer {
    public static final String NAME = "analytics";

    private final TrackTaskActivity track;
    private final TaskMetrics metrics;
    private final AfterCommit afterCommit;

    AnalyticsConsumer(TrackTaskActivity track, TaskMetrics metrics, AfterCommit afterCommit) {
        this.track = track;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(
                EventType.TASK_CREATED, EventType.TASK_UPDATED, EventType.TASK_COMPLETED, EventType.TASK_DELETED);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        Tracked tracked = track.track(event);
        if (!tracked.equals(Tracked.NOTHING)) {
            afterCommit.run(() -> metrics.record(tracked));
        }
    }
}
