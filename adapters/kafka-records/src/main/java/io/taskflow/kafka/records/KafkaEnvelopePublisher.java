package io.taskflow.kafka.records;

import io.micronaut.context.annotation.Requires;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.outbox.EnvelopePublisher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes envelopes to the topic named by their type, keyed by aggregate id, as CloudEvents in binary mode ({@code
 * ce_*} headers, the JSON data as the value). Idempotent with {@code acks=all}, so the producer's own retries never
 * duplicate or reorder records of one key.
 */
// Kafka-runtime beans: absent where TASKFLOW_RUNTIME=dapr (the Kafka runtime is the default, and AWS sets none).
@Requires(property = "taskflow.runtime", value = "kafka", defaultValue = "kafka")
@Singleton
public class KafkaEnvelopePublisher implements EnvelopePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEnvelopePublisher.class);

    private final KafkaEventProducer producer;
    private final List<TopicPreparation> topics;

    /** @param topics what creates the topics before the first batch; none where they are provisioned elsewhere */
    public KafkaEnvelopePublisher(List<TopicPreparation> topics, KafkaEventProducer producer) {
        this.topics = topics;
        this.producer = producer;
    }

    @Override
    public void prepare() {
        topics.forEach(TopicPreparation::ensure);
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        var sent = new ArrayList<Future<RecordMetadata>>(batch.size());
        var failed = new HashMap<String, String>();
        var refusedKeys = new HashMap<String, String>();
        for (EventEnvelope e : batch) {
            String blocker = refusedKeys.get(e.partitionKey());
            if (blocker != null) {
                // A later event of a key must not overtake an earlier one that the broker refused.
                sent.add(CompletableFuture.failedFuture(
                        new IllegalStateException("held back behind refused event " + blocker)));
                continue;
            }
            Future<RecordMetadata> future;
            try {
                future = producer.send(CloudEventRecords.record(e.type(), e));
            } catch (RuntimeException ex) {
                future = CompletableFuture.failedFuture(ex);
            }
            if (refusedAtOnce(future)) {
                refusedKeys.put(e.partitionKey(), e.id());
            }
            sent.add(future);
        }
        long deadline = System.nanoTime() + producer.deliveryTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        Throwable first = null;
        for (int i = 0; i < batch.size(); i++) {
            Throwable error = failure(sent.get(i), deadline);
            if (error != null) {
                failed.put(batch.get(i).id(), error.toString());
                first = first == null ? error : first;
            }
        }
        if (first != null) {
            LOG.warn(
                    "Kafka did not acknowledge {} of {} events; they stay in the outbox: {}",
                    failed.size(),
                    batch.size(),
                    first.toString());
        }
        return failed;
    }

    /**
     * A send the producer failed before it left (no metadata for the topic within {@code max.block.ms}, a record too
     * large): the next event of the same key would otherwise go out first.
     */
    private static boolean refusedAtOnce(Future<RecordMetadata> future) {
        if (!future.isDone()) {
            return false;
        }
        try {
            future.get();
            return false;
        } catch (ExecutionException | RuntimeException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Null when the broker acknowledged the record, else why not. */
    private static Throwable failure(Future<RecordMetadata> future, long deadline) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
