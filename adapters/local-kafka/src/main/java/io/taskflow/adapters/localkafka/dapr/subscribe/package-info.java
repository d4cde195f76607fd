/**
 * Dapr subscriptions: the programmatic {@code /dapr/subscribe} contract, deliveries (single and bulk) handed to the
 * shared consumer processor and answered SUCCESS or RETRY per event, and the filing of the sidecar's dead letters.
 */
package io.taskflow.adapters.localkafka.dapr.subscribe;
