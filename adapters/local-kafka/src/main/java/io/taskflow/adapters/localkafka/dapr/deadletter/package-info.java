/**
 * Dead letters of the Dapr runtime: stored in the database (the dead-letter topic behind a sidecar cannot be read on
 * demand), listed and redriven through the shared admin endpoint.
 */
package io.taskflow.adapters.localkafka.dapr.deadletter;
