/** Publishing the outbox through the Dapr sidecar's pub/sub. */
package io.taskflow.adapters.localkafka.dapr.publish;
