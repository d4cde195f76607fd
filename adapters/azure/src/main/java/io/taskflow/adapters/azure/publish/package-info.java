/** Publishing to Event Hubs: the outbox's envelopes as CloudEvents (AMQP binding), keyed by aggregate id. */
package io.taskflow.adapters.azure.publish;
