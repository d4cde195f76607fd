/**
 * The Event Hubs triggers: one function per (consumer, event type), batches of the binding data in, envelopes (the
 * CloudEvents AMQP binding) to the shared consumer, failed events retried in the invocation and then dead-lettered to
 * the consumer's dead-letter hub. The live feed needs open connections and stays with the container runtime.
 */
package io.taskflow.adapters.azure.eventhubs;
