/**
 * The Pub/Sub triggers: one CloudEvent function per consumer (notifications, audit, analytics, recurrence; the live
 * feed needs open connections and stays with the container runtime). A pushed message becomes an envelope for the
 * shared consumer; a failure fails the invocation so Pub/Sub redelivers, and dead letters go to {@code
 * taskflow.dlq.<consumer>}.
 */
package io.taskflow.adapters.gcp.trigger;
