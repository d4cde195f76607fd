package io.taskflow.adapters.gcp.publish;

import com.google.api.core.ApiFuture;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One publisher per topic, made on first use and kept for the instance's life (a publisher holds its batching threads
 * and its connection). Message ordering is on: messages of one ordering key reach the topic in the order sent, and
 * after a failure the key's later messages fail too until {@link #resume} is called, so none overtakes another.
 */
@Singleton
public class PubSubPublishers {
    private final PubSubTransport transport;
    private final Duration timeout;
    private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();

    PubSubPublishers(PubSubTransport transport, @Value("${taskflow.gcp.pubsub.publish-timeout:10s}") Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    /** How long a caller waits for the acknowledgements of what it sent. */
    public Duration timeout() {
        return timeout;
    }

    public ApiFuture<String> send(String topic, Map<String, String> attributes, byte[] data, String orderingKey) {
        var message = PubsubMessage.newBuilder().putAllAttributes(attributes).setData(ByteString.copyFrom(data));
        if (orderingKey != null && !orderingKey.isEmpty()) {
            message.setOrderingKey(orderingKey);
        }
        return publisher(topic).publish(message.build());
    }

    /** Lets the key publish again after a failure; its refused messages are sent again by the next relay. */
    public void resume(String topic, String orderingKey) {
        Publisher publisher = publishers.get(topic);
        if (publisher != null && orderingKey != null && !orderingKey.isEmpty()) {
            publisher.resumePublish(orderingKey);
        }
    }

    private Publisher publisher(String topic) {
        return publishers.computeIfAbsent(topic, name -> {
            try {
                return Publisher.newBuilder(transport.topic(name))
                        .setChannelProvider(transport.channels())
                        .setCredentialsProvider(transport.credentials())
                        .setEnableMessageOrdering(true)
                        .setRetrySettings(retries())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a publisher for " + name, e);
            }
        });
    }

    /**
     * The client's own retries give up within the publish timeout (its default keeps a message for 10 minutes). A
     * message it gave up on stays in the outbox for the sweep, and an instance shutting down is not held for minutes
     * by messages for a Pub/Sub it cannot reach.
     */
    private RetrySettings retries() {
        return RetrySettings.newBuilder()
                .setTotalTimeoutDuration(timeout)
                .setInitialRpcTimeoutDuration(timeout)
                .setMaxRpcTimeoutDuration(timeout)
                .setRpcTimeoutMultiplier(1.0)
                .setInitialRetryDelayDuration(Duration.ofMillis(100))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(2))
                .build();
    }

    @PreDestroy
    void close() throws InterruptedException {
        for (Publisher publisher : publishers.values()) {
            publisher.shutdown();
        }
        for (Publisher publisher : publishers.values()) {
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
