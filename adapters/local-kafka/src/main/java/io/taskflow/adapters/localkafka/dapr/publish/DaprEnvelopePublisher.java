package io.taskflow.adapters.localkafka.dapr.publish;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.PublishEventRequest;
import io.taskflow.adapters.localkafka.dapr.DaprSettings;
import io.taskflow.adapters.localkafka.dapr.StructuredCloudEvents;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.outbox.EnvelopePublisher;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.context.Context;

/**
 * Publishes envelopes through the sidecar's pub/sub, to the topic named by their type, as CloudEvents in the JSON
 * format, so Dapr keeps them as they are. {@code partitionKey} is the aggregate id (the Kafka key behind the
 * component); the event's traceparent rides along as the call's trace context, so the sidecar's own span joins the
 * event's trace. Driven by the same relay loop as the Kafka publisher.
 *
 * <p>Events are sent one after the other, each acknowledged before the next: after the first refusal the rest of the
 * batch is refused too, so no event overtakes an earlier one of its key.
 */
@Singleton
@DaprRuntime
public class DaprEnvelopePublisher implements EnvelopePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DaprEnvelopePublisher.class);
    static final String PARTITION_KEY = "partitionKey";

    private final DaprClient dapr;
    private final DaprSettings settings;
    private final StructuredCloudEvents events;

    public DaprEnvelopePublisher(DaprClient dapr, DaprSettings settings, StructuredCloudEvents events) {
        this.dapr = dapr;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        var refused = new LinkedHashMap<String, String>();
        String firstRefusal = null;
        for (EventEnvelope event : batch) {
            if (firstRefusal != null) {
                refused.put(event.id(), "not sent after an earlier refusal: " + firstRefusal);
                continue;
            }
            try {
                send(settings.pubsub(), event.type(), event, Map.of());
            } catch (RuntimeException e) {
                firstRefusal = e.toString();
                refused.put(event.id(), firstRefusal);
            }
        }
        if (firstRefusal != null) {
            LOG.warn(
                    "the Dapr sidecar did not take {} of {} events; they stay in the outbox: {}",
                    refused.size(),
                    batch.size(),
                    firstRefusal);
        }
        return refused;
    }

    /**
     * Publishes one event to {@code topic} and waits for the sidecar's answer.
     *
     * @param extra metadata beside the partition key
     * @throws RuntimeException when the sidecar refused it or did not answer in time
     */
    public void send(String pubsub, String topic, EventEnvelope event, Map<String, String> extra) {
        send(pubsub, topic, event, events.write(event), extra);
    }

    public void send(String pubsub, String topic, EventEnvelope event, byte[] cloudEvent, Map<String, String> extra) {
        var metadata = new LinkedHashMap<String, String>(extra);
        metadata.put(PARTITION_KEY, event.partitionKey() != null ? event.partitionKey() : event.subject());
        metadata.put("rawPayload", "false");
        var request = new PublishEventRequest(pubsub, topic, cloudEvent)
                .setContentType(StructuredCloudEvents.CONTENT_TYPE)
                .setMetadata(metadata);
        dapr.publishEvent(request).contextWrite(traceOf(event)).block(settings.timeout());
    }

    /** The SDK sends these Reactor context entries as the call's trace headers. */
    private static Context traceOf(EventEnvelope event) {
        Context context = Context.empty();
        if (event.traceparent() != null) {
            context = context.put("traceparent", event.traceparent());
        }
        if (event.tracestate() != null) {
            context = context.put("tracestate", event.tracestate());
        }
        return context;
    }
}
