package io.taskflow.functions.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.taskflow.functions.consumer.DeadLetterQueues;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Dead letters waiting per consumer, as the runtime's dead-letter destinations report them. */
@Singleton
@Requires(beans = DeadLetterQueues.class)
class DeadLetterMetrics {
    private final Refreshed<Map<String, Long>> depths;
    private final List<String> consumers;
    private final MeterRegistry registry;

    DeadLetterMetrics(
            MeterRegistry registry,
            DeadLetterQueues queues,
            List<EventConsumer> consumers,
            @Value("${taskflow.metrics.dead-letters-refresh-interval:15s}") Duration refresh) {
        this.registry = registry;
        this.consumers = consumers.stream()
                .filter(c -> !c.stateless())
                .map(EventConsumer::name)
                .toList();
        this.depths = new Refreshed<>(
                refresh,
                () -> queues.depths().stream()
                        .collect(Collectors.toMap(DeadLetterQueues.Depth::consumer, DeadLetterQueues.Depth::pending)));
    }

    /**
     * Registered once the context has started rather than as a {@code MeterBinder}: binders are built with the
     * registry, and this one's database or broker dependencies would need the registry themselves.
     */
    @EventListener
    void register(StartupEvent started) {
        for (String consumer : consumers) {
            Gauge.builder("taskflow.dead.letters.pending", this, m -> m.pending(consumer))
                    .description("Dead letters of a consumer not yet redriven")
                    .tag("consumer", consumer)
                    .register(registry);
        }
    }

    double pending(String consumer) {
        Map<String, Long> current = depths.get();
        return current == null ? Double.NaN : current.getOrDefault(consumer, 0L);
    }
}
