package io.taskflow.adapters.localkafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskflow.adapters.localkafka.kafka.BrokerAdmin;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.testsupport.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lag read against the real broker of the run, on topics and groups of this test's own. */
class ConsumerLagIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final BrokerAdmin broker = new BrokerAdmin(TestStack.get().broker().bootstrapServers());

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void aGroupIsBehindByWhatItHasNotCommittedAndByEverythingWhereItHasNeverCommitted() throws Exception {
        String topic = "lag-" + UUID.randomUUID();
        String group = "lag-group-" + UUID.randomUUID();
        broker.client()
                .createTopics(List.of(new NewTopic(topic, 2, (short) 1)))
                .all()
                .get();
        send(topic, 0, 5);
        send(topic, 1, 3);
        var topicsByGroup = Map.of(group, List.of(topic, "not-created-yet-" + UUID.randomUUID()));

        assertThat(ConsumerLag.read(broker.client(), topicsByGroup, TIMEOUT)).isEqualTo(Map.of(group, 8L));

        commit(group, new TopicPartition(topic, 0), 2);
        assertThat(ConsumerLag.read(broker.client(), topicsByGroup, TIMEOUT)).isEqualTo(Map.of(group, 6L));

        commit(group, new TopicPartition(topic, 0), 5);
        commit(group, new TopicPartition(topic, 1), 3);
        assertThat(ConsumerLag.read(broker.client(), topicsByGroup, TIMEOUT)).isEqualTo(Map.of(group, 0L));
    }

    @Test
    void withTheBrokerAwayTheReadFailsWithinItsTimeoutAndTheGaugeReadsNaN() {
        var away = new BrokerAdmin("127.0.0.1:" + FreePorts.free());
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> ConsumerLag.read(away.client(), Map.of("g", List.of("t")), Duration.ofMillis(500)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

            var registry = new SimpleMeterRegistry();
            var metrics = new ConsumerLagMetrics(
                    registry, away, List.of(consumer("audit")), Duration.ZERO, Duration.ofMillis(500));
            metrics.register(null);

            assertThat(registry.get("taskflow.consumer.lag.records")
                            .tag("consumer", "audit")
                            .gauge()
                            .value())
                    .isNaN();
        } finally {
            away.close();
        }
    }

    private static void send(String topic, int partition, int count) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestStack.get().broker().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k", "v" + i))
                        .get();
            }
        }
    }

    private void commit(String group, TopicPartition partition, long offset) throws Exception {
        broker.client()
                .alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset)))
                .all()
                .get();
    }

    private static EventConsumer consumer(String name) {
        return new EventConsumer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<EventType> types() {
                return Set.of(EventType.TASK_CREATED);
            }

            @Override
            public void handle(DomainEvent event, EventEnvelope envelope) {}
        };
    }
}
