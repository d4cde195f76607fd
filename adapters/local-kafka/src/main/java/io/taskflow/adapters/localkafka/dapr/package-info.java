/**
 * The Dapr mode of the container runtime ({@code TASKFLOW_RUNTIME=dapr}): the application talks only to its Dapr
 * sidecar. Pub/sub ({@code publish}, {@code subscribe}), dead letters ({@code deadletter}), user preferences in the
 * state store ({@code state}), secrets ({@code secrets}), cron bindings for the scheduled functions ({@code jobs}) and
 * service invocation ({@code invoke}). Every bean here carries {@link
 * io.taskflow.adapters.localkafka.runtime.DaprRuntime}; no Kafka bean exists in this mode.
 */
package io.taskflow.adapters.localkafka.dapr;
