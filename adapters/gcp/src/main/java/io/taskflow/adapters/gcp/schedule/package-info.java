/**
 * The scheduled functions Cloud Scheduler calls over HTTP: the outbox sweep, the reminder sweep, the daily digest and
 * the clean-up, one function each, each calling the shared job of {@code functions}.
 */
package io.taskflow.adapters.gcp.schedule;
