/**
 * The readiness checks every runtime shares: the database answers, and the outbox is being drained. Each check runs
 * off the caller's thread with a short timeout and its answer is kept for a few seconds, so probes stay cheap and a
 * hung dependency makes a probe answer DOWN quickly instead of hanging it.
 */
package io.taskflow.functions.health;
