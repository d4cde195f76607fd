package io.taskflow.functions.consumer;

import io.taskflow.core.event.EventEnvelope;

/**
 * One event as a runtime delivers it to a consumer.
 *
 * @param attempt 1 for the first delivery; runtimes that redeliver count their own attempts (an MSK retry, a Pub/Sub
 *     delivery attempt)
 */
public record Delivery(EventEnvelope event, int attempt) {
    public Delivery {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
    }

    public static Delivery first(EventEnvelope event) {
        return new Delivery(event, 1);
    }

    Delivery next() {
        return new Delivery(event, attempt + 1);
    }

    /** The ordering key: events of one key are processed in order, and one that fails holds back the rest. */
    String key() {
        return event.partitionKey() != null ? event.partitionKey() : event.subject();
    }
}
