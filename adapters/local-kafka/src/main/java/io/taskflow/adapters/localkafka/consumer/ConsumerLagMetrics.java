package io.taskflow.adapters.localkafka.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.taskflow.adapters.localkafka.kafka.BrokerAdmin;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.metrics.Refreshed;
import io.taskflow.kafka.records.ConsumerTopics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code taskflow.consumer.lag.records{consumer}}: records the consumer's group ({@code taskflow-<consumer>}) has not
 * yet committed, over its input topics. Read for all groups at once, at most once per {@code
 * taskflow.metrics.consumer-lag-refresh-interval} (5 s); NaN while the broker does not answer. Only consumers with a
 * shared group: a stateless consumer reads in a group of its own per instance, from the newest record.
 */
@KafkaRuntime
@Singleton
class ConsumerLagMetrics {
    private final MeterRegistry registry;
    private final Map<String, String> groupOf = new LinkedHashMap<>();
    private final Refreshed<Map<String, Long>> lagByGroup;

    ConsumerLagMetrics(
            MeterRegistry registry,
            BrokerAdmin broker,
            List<EventConsumer> consumers,
            @Value("${taskflow.metrics.consumer-lag-refresh-interval:5s}") Duration refresh,
            @Value("${taskflow.metrics.consumer-lag-timeout:2s}") Duration timeout) {
        this.registry = registry;
        var topicsByGroup = new LinkedHashMap<String, List<String>>();
        consumers.stream().filter(c -> !c.stateless()).forEach(c -> {
            String group = ConsumerTopics.groupId(c.name());
            groupOf.put(c.name(), group);
            topicsByGroup.put(group, ConsumerTopics.inputs(c));
        });
        this.lagByGroup = new Refreshed<>(refresh, () -> ConsumerLag.read(broker.client(), topicsByGroup, timeout));
    }

    /**
     * Registered once the context has started rather than as a {@code MeterBinder}, like the other gauges that read
     * the outside world: a binder is built with the registry, before what it reads is ready.
     */
    @EventListener
    void register(StartupEvent started) {
        groupOf.keySet()
                .forEach(consumer -> Gauge.builder("taskflow.consumer.lag.records", this, m -> m.lag(consumer))
                        .description("Records the consumer's group has yet to read, over its input topics")
                        .tag("consumer", consumer)
                        .register(registry));
    }

    double lag(String consumer) {
        Map<String, Long> current = lagByGroup.get();
        if (current == null) {
            return Double.NaN;
        }
        Long lag = current.get(groupOf.get(consumer));
        return lag == null ? Double.NaN : lag;
    }
}
