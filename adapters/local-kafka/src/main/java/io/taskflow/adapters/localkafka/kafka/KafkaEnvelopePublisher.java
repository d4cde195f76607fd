package io.taskflow.adapters.localkafka.kafka;

import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.outbox.EnvelopePublisher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
@KafkaRuntime
@Singleton
public class KafkaEnvelopePublisher implements EnvelopePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEnvelopePublisher.class);

    private final KafkaEventProducer producer;
    private final KafkaTopics topics;

    public KafkaEnvelopePublisher(KafkaTopics topics, KafkaEventProducer producer) {
        this.topics = topics;
        this.producer = producer;
    }

    @Override
    public void prepare() {
        topics.ensure();
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        var sent = new ArrayList<Future<RecordMetadata>>(batch.size());
        var failed = new HashMap<String, String>();
        for (EventEnvelope e : batch) {
            try {
                sent.add(producer.send(KafkaEventProducer.record(e.type(), e)));
            } catch (RuntimeException ex) {
                sent.add(java.util.concurrent.CompletableFuture.failedFuture(ex));
            }
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
