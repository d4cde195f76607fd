package io.taskflow.functions.consumer;

import java.time.Instant;
import java.util.List;

/**
 * The operator's view of dead letters, filled in by each runtime over its own dead-letter destinations: how many wait
 * per consumer, what they are, and redrive (moving them back to their consumer, which processes each once: the inbox
 * recognises any it had already processed).
 */
public interface DeadLetterQueues {

    /** @param pending dead letters not yet redriven */
    record Depth(String consumer, String destination, long pending) {}

    record Letter(
            String eventId,
            String type,
            String subject,
            String error,
            int attempts,
            boolean permanent,
            Instant failedAt) {}

    @FunctionalInterface
    interface Progress {
        void moved(long done, long total);
    }

    List<Depth> depths();

    /**
     * The oldest pending dead letters of a consumer, without moving them.
     *
     * @throws io.taskflow.core.error.NotFoundException when there is no such consumer
     */
    List<Letter> peek(String consumer, int limit);

    /**
     * Moves every pending dead letter of the consumer back to it, oldest first.
     *
     * @return how many were moved
     * @throws io.taskflow.core.error.NotFoundException when there is no such consumer
     */
    long redrive(String consumer, Progress progress);
}
