/**
 * The Kafka trigger of the shared consumers: one consumer group per consumer, batches handed to the shared processor,
 * offsets committed only behind settled events, dead letters and redrive on per-consumer topics.
 */
package io.taskflow.adapters.localkafka.consumer;
