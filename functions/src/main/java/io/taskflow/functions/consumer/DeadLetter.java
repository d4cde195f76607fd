package io.taskflow.functions.consumer;

import io.taskflow.core.event.EventEnvelope;
import java.time.Instant;

/**
 * An event a consumer gave up on: the original event unchanged, why, after how many attempts, and whose it was.
 *
 * @param permanent true when retrying cannot help (the event breaks its schema); it was dead-lettered at once
 */
public record DeadLetter(
        String consumer, EventEnvelope event, String error, int attempts, boolean permanent, Instant failedAt) {}
