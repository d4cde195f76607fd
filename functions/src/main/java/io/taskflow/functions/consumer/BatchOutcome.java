package io.taskflow.functions.consumer;

import io.taskflow.core.event.EventEnvelope;
import java.util.List;

/**
 * What became of a delivered batch; every event is in exactly one list, in delivery order. This is the contract each
 * trigger adapter maps to its broker: commit or acknowledge {@code succeeded} and {@code deadLettered}, redeliver
 * {@code retry}.
 *
 * <p>The per-key rule: once an event of a key fails, later events of that key in the batch are not attempted and are
 * in {@code retry} as held back, so a key's events are always processed in order.
 *
 * @param succeeded processed now or before (a redelivery the inbox recognised), or skipped by a stateless consumer
 * @param retry failed or held back; to be delivered again
 * @param deadLettered stored as dead letters; never delivered to this consumer again unless redriven
 */
public record BatchOutcome(List<EventEnvelope> succeeded, List<Retry> retry, List<DeadLetter> deadLettered) {

    public BatchOutcome {
        succeeded = List.copyOf(succeeded);
        retry = List.copyOf(retry);
        deadLettered = List.copyOf(deadLettered);
    }

    /**
     * @param error why it failed; for an event held back, which event of its key failed
     * @param heldBack true when it was not attempted because an earlier event of its key failed
     * @param databaseAway true when it failed, or was not attempted, because the database could not be reached: the
     *     attempt does not count, and the runtime should wait before delivering it again rather than retry at once
     */
    public record Retry(Delivery delivery, String error, boolean heldBack, boolean databaseAway) {
        public Retry(Delivery delivery, String error, boolean heldBack) {
            this(delivery, error, heldBack, false);
        }
    }

    public boolean settled() {
        return retry.isEmpty();
    }

    /** True when the batch stopped because the database is away: wait for it, nothing was counted against events. */
    public boolean databaseAway() {
        return retry.stream().anyMatch(Retry::databaseAway);
    }

    /** The ids of the events to redeliver: what an AWS partial batch response lists as {@code batchItemFailures}. */
    public List<String> retryIds() {
        return retry.stream().map(r -> r.delivery().event().id()).toList();
    }
}
