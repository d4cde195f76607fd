package io.taskflow.adapters.localkafka.dapr.deadletter;

/**
 * The dead-letter topic of a consumer's subscriptions, the same name as in the Kafka runtime. The sidecar sends there
 * what it gives up delivering; the consumer's own subscription to it files each one in the dead-letter table.
 */
public final class DeadLetterTopics {
    private DeadLetterTopics() {}

    public static String of(String consumer) {
        return "taskflow.dlq." + consumer;
    }
}
