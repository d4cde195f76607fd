package io.taskflow.adapters.localkafka.kafka;

import io.micronaut.context.annotation.Value;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.core.event.EventType;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.kafka.records.ConsumerTopics;
import io.taskflow.kafka.records.KafkaClientSecurity;
import io.taskflow.kafka.records.TopicPreparation;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eight event topics and each consumer's dead-letter and redrive topics (3 partitions, 7-day retention), created before the first event is published and left as they are
 * when they exist. Created by the relay rather than during start-up, so the API starts and takes writes even while
 * the broker is still away; the events wait in the outbox.
 */
@KafkaRuntime
@Singleton
public class KafkaTopics implements TopicPreparation {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    static final int PARTITIONS = 3;
    static final Duration RETENTION = Duration.ofDays(7);

    private final String bootstrapServers;
    private final short replicationFactor;
    private final List<String> consumerTopics;

    public KafkaTopics(
            @Value("${kafka.bootstrap.servers}") String bootstrapServers,
            @Value("${taskflow.kafka.replication-factor:1}") short replicationFactor,
            List<EventConsumer> consumers) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
        this.consumerTopics = consumers.stream()
                .filter(c -> !c.stateless())
                .flatMap(c -> Stream.of(ConsumerTopics.deadLetters(c.name()), ConsumerTopics.redrive(c.name())))
                .toList();
    }

    @Override
    public void ensure() {
        List<NewTopic> topics = Stream.concat(
                        Arrays.stream(EventType.values()).map(EventType::typeName), consumerTopics.stream())
                .map(name -> new NewTopic(name, PARTITIONS, replicationFactor)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(RETENTION.toMillis()))))
                .toList();
        try (Admin admin = Admin.create(KafkaClientSecurity.withSecurity(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)))) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(15, TimeUnit.SECONDS);
                    LOG.info("created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not answer while creating topics", e);
        }
    }
}
