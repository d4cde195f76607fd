/**
 * The analytics consumer: keeps the task projection and daily counters from task events, the JDBC store behind them,
 * and the business metrics (tasks created and completed, completion time, overdue tasks).
 */
package io.taskflow.functions.analytics;
