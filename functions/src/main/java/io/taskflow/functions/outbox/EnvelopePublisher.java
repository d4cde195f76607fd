package io.taskflow.functions.outbox;

import io.taskflow.core.event.EventEnvelope;
import java.util.List;
import java.util.Map;

/** What a runtime provides to send events to its broker (Kafka, Pub/Sub, Event Hubs, Dapr). */
public interface EnvelopePublisher {

    /**
     * Makes the destinations ready (topics, hubs), before the first batch; called again after a failure until it
     * succeeds, so a broker that is away at start delays publishing, not the start.
     */
    default void prepare() {}

    /**
     * Sends the batch in order, keyed by each envelope's partition key, and waits until the broker acknowledged or
     * refused every one.
     *
     * @return for each envelope the broker did not acknowledge, its id and why (empty when all were)
     */
    Map<String, String> publish(List<EventEnvelope> batch);
}
