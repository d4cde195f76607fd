package io.taskflow.adapters.gcp.publish;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutures;
import io.taskflow.adapters.gcp.pubsub.PubSubCloudEvents;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.outbox.EnvelopePublisher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes envelopes to the topic named by their type, the aggregate id as ordering key, as CloudEvents in binary
 * mode ({@code ce-*} attributes, the JSON data as the message data). The event id stays the outbox's, so a consumer's
 * inbox recognises a message Pub/Sub delivers twice, or one published again after a lost acknowledgement.
 */
@Singleton
public class PubSubEnvelopePublisher implements EnvelopePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PubSubEnvelopePublisher.class);

    private final PubSubPublishers publishers;

    PubSubEnvelopePublisher(PubSubPublishers publishers) {
        this.publishers = publishers;
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        var sent = new ArrayList<ApiFuture<String>>(batch.size());
        for (EventEnvelope e : batch) {
            try {
                sent.add(publishers.send(e.type(), PubSubCloudEvents.attributes(e), e.data(), e.partitionKey()));
            } catch (RuntimeException ex) {
                sent.add(ApiFutures.immediateFailedFuture(ex));
            }
        }
        long deadline = System.nanoTime() + publishers.timeout().toNanos();
        var failed = new LinkedHashMap<String, String>();
        for (int i = 0; i < batch.size(); i++) {
            EventEnvelope e = batch.get(i);
            String error = failure(sent.get(i), deadline);
            if (error != null) {
                failed.put(e.id(), error);
                // The key's later messages failed with this one; resumed, the key publishes again with the next relay,
                // which sends them all again, in order.
                publishers.resume(e.type(), e.partitionKey());
            }
        }
        if (!failed.isEmpty()) {
            LOG.warn(
                    "Pub/Sub did not acknowledge {} of {} events; they stay in the outbox: {}",
                    failed.size(),
                    batch.size(),
                    failed.values().iterator().next());
        }
        return failed;
    }

    /** Null when Pub/Sub acknowledged the message, else why not. */
    private static String failure(ApiFuture<String> future, long deadline) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (TimeoutException e) {
            return "no acknowledgement in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
