/**
 * The container runtime's scheduler: in-process cron triggers that call the scheduled functions of {@code functions}
 * (each safe to run on every instance at once).
 */
package io.taskflow.adapters.localkafka.schedule;
