/**
 * What decides which beans of the container runtime exist: the runtime switch ({@code TASKFLOW_RUNTIME}: Kafka or
 * Dapr) and the consumer selection ({@code TASKFLOW_CONSUMERS}).
 */
package io.taskflow.adapters.localkafka.runtime;
