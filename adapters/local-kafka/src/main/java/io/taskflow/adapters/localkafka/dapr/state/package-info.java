/** User preferences in the Dapr state store, with ETag-checked writes. */
package io.taskflow.adapters.localkafka.dapr.state;
