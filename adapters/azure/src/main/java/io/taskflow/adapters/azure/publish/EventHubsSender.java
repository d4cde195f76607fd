package io.taskflow.adapters.azure.publish;

import com.azure.messaging.eventhubs.EventData;
import java.util.List;

/**
 * What sends events to one event hub: the narrow port between Taskflow's publishing (order, held-back keys, dead
 * letters) and the SDK's producer client.
 */
public interface EventHubsSender {

    /**
     * Sends the events, in order, under one partition key, and returns once Event Hubs acknowledged all of them.
     *
     * @param partitionKey null sends without a key (the service picks a partition)
     * @throws RuntimeException when Event Hubs did not acknowledge them; the first of several batches may be stored, which consumers absorb by event id when the
     *     events are sent again
     */
    void send(String hub, String partitionKey, List<EventData> events);
}
