package io.taskflow.functions.outbox;

import io.taskflow.core.event.EventEnvelope;
import java.util.List;
import java.util.Set;

/** What a runtime provides to send events to its broker (Kafka, Pub/Sub, Event Hubs, Dapr). */
public interface EnvelopePublisher {

    /**
     * Sends the batch in order, keyed by each envelope's partition key, and waits until the broker acknowledged or
     * refused every one.
     *
     * @return the ids of the envelopes the broker did not acknowledge (empty when all were)
     */
    Set<String> publish(List<EventEnvelope> batch);
}
