package io.taskflow.adapters.azure.publish;

import com.azure.messaging.eventhubs.EventData;
import io.taskflow.adapters.azure.eventhubs.CloudEventProperties;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.outbox.EnvelopePublisher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes envelopes to the event hub named by their type, with the aggregate id as partition key, in the CloudEvents
 * AMQP binding ({@link CloudEventProperties}). The events of one hub and key go as one batch, in outbox order; once a
 * key's send failed, its later events (on any hub) are held back, so no event overtakes an earlier one of its
 * aggregate. The hubs are Terraform's: nothing is created here.
 */
@Singleton
public class EventHubsEnvelopePublisher implements EnvelopePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventHubsEnvelopePublisher.class);

    private final EventHubsSender sender;

    EventHubsEnvelopePublisher(EventHubsSender sender) {
        this.sender = sender;
    }

    private record Route(String hub, String key) {}

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        var groups = new LinkedHashMap<Route, List<EventEnvelope>>();
        for (EventEnvelope envelope : batch) {
            groups.computeIfAbsent(new Route(envelope.type(), envelope.partitionKey()), r -> new ArrayList<>())
                    .add(envelope);
        }
        var failed = new LinkedHashMap<String, String>();
        var refusedKeys = new HashMap<String, String>();
        for (Map.Entry<Route, List<EventEnvelope>> group : groups.entrySet()) {
            Route route = group.getKey();
            List<EventEnvelope> events = group.getValue();
            String blocker = route.key() == null ? null : refusedKeys.get(route.key());
            if (blocker != null) {
                events.forEach(e -> failed.put(e.id(), "held back behind refused event " + blocker));
                continue;
            }
            try {
                List<EventData> data =
                        events.stream().map(CloudEventProperties::eventData).toList();
                sender.send(route.hub(), route.key(), data);
            } catch (RuntimeException e) {
                events.forEach(ev -> failed.put(ev.id(), e.toString()));
                if (route.key() != null) {
                    refusedKeys.put(route.key(), events.get(0).id());
                }
            }
        }
        if (!failed.isEmpty()) {
            LOG.warn(
                    "Event Hubs did not acknowledge {} of {} events; they stay in the outbox: {}",
                    failed.size(),
                    batch.size(),
                    failed.values().iterator().next());
        }
        return failed;
    }
}
