package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.context.annotation.Value;
import io.taskflow.adapters.localkafka.kafka.BrokerAdmin;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.core.error.NotFoundException;
import io.taskflow.functions.consumer.DeadLetterQueues;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.kafka.records.ConsumerTopics;
import io.taskflow.kafka.records.KafkaEventProducer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dead-letter topics of this runtime's consumers, for the admin endpoint and the dead-letter gauge. */
@KafkaRuntime
@Singleton
public class KafkaDeadLetterQueues implements DeadLetterQueues {
    private final KafkaRedrive redrive;
    private final BrokerAdmin broker;
    private final Duration timeout;
    private final List<String> consumers;

    public KafkaDeadLetterQueues(
            @Value("${kafka.bootstrap.servers}") String bootstrapServers,
            KafkaEventProducer producer,
            BrokerAdmin broker,
            @Value("${taskflow.metrics.consumer-lag-timeout:2s}") Duration timeout,
            List<EventConsumer> consumers) {
        this.redrive = new KafkaRedrive(bootstrapServers, producer);
        this.broker = broker;
        this.timeout = timeout;
        this.consumers = consumers.stream()
                .filter(c -> !c.stateless())
                .map(EventConsumer::name)
                .sorted()
                .toList();
    }

    /**
     * The dead letters pending are the redrive group's lag on the dead-letter topic: read for every consumer in one
     * round of Admin calls with short timeouts, so that a scrape while the broker is away fails fast rather than
     * waiting for a client per consumer.
     */
    @Override
    public List<Depth> depths() {
        Map<String, List<String>> topicsByGroup = new LinkedHashMap<>();
        consumers.forEach(
                c -> topicsByGroup.put(ConsumerTopics.redriveGroupId(c), List.of(ConsumerTopics.deadLetters(c))));
        Map<String, Long> pending = ConsumerLag.read(broker.client(), topicsByGroup, timeout);
        return consumers.stream()
                .map(c -> new Depth(
                        c, ConsumerTopics.deadLetters(c), pending.getOrDefault(ConsumerTopics.redriveGroupId(c), 0L)))
                .toList();
    }

    @Override
    public List<Letter> peek(String consumer, int limit) {
        return redrive.peek(known(consumer), limit);
    }

    @Override
    public long redrive(String consumer, Progress progress) {
        return redrive.redrive(known(consumer), progress);
    }

    private String known(String consumer) {
        if (!consumers.contains(consumer)) {
            throw new NotFoundException("consumer " + consumer);
        }
        return consumer;
    }
}
