/**
 * Task analytics: a projection of each task's milestones kept from its events, daily numbers per user and overall
 * (created, completed, overdue, completion time), and the rules behind them. Days are UTC days.
 */
package io.taskflow.core.analytics;
