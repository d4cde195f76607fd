/**
 * The MSK triggers: one handler per consumer (notifications, audit, analytics, recurrence; the live feed needs open
 * connections and stays with the container runtime). A batch's records become envelopes for the shared consumer, and
 * its outcome becomes the partial batch response ({@code batchItemFailures}), dead letters going to MSK.
 */
package io.taskflow.adapters.aws.msk;
