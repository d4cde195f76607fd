/**
 * Gauges that read state rather than count happenings: the outbox backlog and the dead letters waiting. Each reads at
 * most once per refresh interval, so a scrape never costs more than one small query.
 */
package io.taskflow.functions.metrics;
