/** Dapr service invocation: one Taskflow service calling another through the sidecars. */
package io.taskflow.adapters.localkafka.dapr.invoke;
