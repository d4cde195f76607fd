package io.taskflow.kafka.records;

/**
 * Creates the topics a runtime publishes to, before its first batch. The container runtime creates them itself; where
 * they are provisioned with the cluster (Terraform on MSK) there is no such bean and publishing only publishes.
 */
@FunctionalInterface
public interface TopicPreparation {

    /** @throws IllegalStateException when the broker cannot be reached or refuses a topic */
    void ensure();
}
