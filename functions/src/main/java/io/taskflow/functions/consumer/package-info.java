/**
 * Event-handler functions shared by every runtime: a runtime delivers a batch of envelopes, {@link
 * io.taskflow.functions.consumer.ConsumerProcessor} runs each {@link io.taskflow.functions.consumer.EventConsumer}
 * with inbox dedupe and answers with a {@link io.taskflow.functions.consumer.BatchOutcome} that the runtime maps to its
 * broker (offsets, partial batch responses, redelivery, dead-letter topics).
 */
package io.taskflow.functions.consumer;
