/**
 * The container runtime's scheduler: in-process cron triggers that call the scheduled functions of {@code functions}
 * (each safe to run on every instance at once). Kafka runtime only: in the Dapr runtime cron bindings trigger the same
 * functions ({@code dapr.jobs}).
 */
package io.taskflow.adapters.localkafka.schedule;
