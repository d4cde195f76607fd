package io.taskflow.adapters.azure.eventhubs;

import io.taskflow.functions.consumer.BatchOutcome;

/**
 * Thrown out of a trigger function when part of its batch neither succeeded nor reached a dead-letter hub (the
 * database or the dead-letter hub was away). The function then fails, and its retry policy runs the same batch again
 * before the trigger checkpoints it: the events that did succeed are recognised by the inbox.
 */
public class BatchNotSettledException extends RuntimeException {
    private final transient BatchOutcome outcome;

    BatchNotSettledException(String consumer, BatchOutcome outcome) {
        super(consumer + " could not settle " + outcome.retry().size() + " event(s), first "
                + outcome.retry().get(0).delivery().event().id() + ": "
                + outcome.retry().get(0).error());
        this.outcome = outcome;
    }

    BatchNotSettledException(String consumer, String message, Throwable cause) {
        super(consumer + ": " + message, cause);
        this.outcome = null;
    }

    /** What became of the batch; null when it failed before the consumer ran. */
    public BatchOutcome outcome() {
        return outcome;
    }
}
