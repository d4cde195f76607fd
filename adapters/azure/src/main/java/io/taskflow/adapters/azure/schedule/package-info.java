/** The timer triggers: outbox sweep, reminder sweep, daily digest and clean-up, each calling a shared job. */
package io.taskflow.adapters.azure.schedule;
