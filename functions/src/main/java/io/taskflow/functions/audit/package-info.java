/**
 * The audit consumer: every event of every type appended once to the hash-chained {@code audit_log}, the JDBC store
 * behind it, and the trigger that keeps the table append-only on H2.
 */
package io.taskflow.functions.audit;
