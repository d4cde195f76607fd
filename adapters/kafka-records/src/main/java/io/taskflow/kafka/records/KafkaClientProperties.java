package io.taskflow.kafka.records;

import java.util.Map;

/**
 * Client settings a runtime adds to every Kafka client it makes: how it authenticates to its broker (IAM on MSK),
 * nothing on a local broker.
 */
@FunctionalInterface
public interface KafkaClientProperties {

    Map<String, Object> properties();
}
