/**
 * The scheduled functions (outbox sweep, reminder sweep, daily digest, clean-up) triggered by Dapr cron input bindings.
 */
package io.taskflow.adapters.localkafka.dapr.jobs;
