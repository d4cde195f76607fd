package io.taskflow.adapters.azure.publish;

import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.core.credential.TokenCredential;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventDataBatch;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.eventhubs.models.CreateBatchOptions;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends with the SDK's producer client, one per hub, made on first use (so a function that publishes nothing opens no
 * AMQP connection). The namespace and the function's managed identity come from the configuration; a connection
 * string is accepted for a local run against a namespace of one's own.
 */
@Singleton
class SdkEventHubsSender implements EventHubsSender {
    private final String namespace;
    private final String connectionString;
    private final TokenCredential credential;
    private final AmqpRetryOptions retry;
    private final Map<String, EventHubProducerClient> producers = new ConcurrentHashMap<>();

    SdkEventHubsSender(
            @Value("${taskflow.azure.eventhubs.namespace:}") String namespace,
            @Value("${taskflow.azure.eventhubs.connection-string:}") String connectionString,
            @Value("${taskflow.azure.eventhubs.try-timeout:5s}") Duration tryTimeout,
            @Value("${taskflow.azure.eventhubs.max-retries:1}") int maxRetries,
            TokenCredential credential) {
        this.namespace = namespace;
        this.connectionString = connectionString;
        this.credential = credential;
        // Bounded: a send that cannot succeed must give the invocation back soon; the rows stay for the sweep.
        this.retry = new AmqpRetryOptions().setTryTimeout(tryTimeout).setMaxRetries(maxRetries);
    }

    @Override
    public void send(String hub, String partitionKey, List<EventData> events) {
        EventHubProducerClient producer = producers.computeIfAbsent(hub, this::producer);
        var options = new CreateBatchOptions();
        if (partitionKey != null) {
            options.setPartitionKey(partitionKey);
        }
        EventDataBatch batch = producer.createBatch(options);
        for (EventData event : events) {
            if (!batch.tryAdd(event)) {
                if (batch.getCount() == 0) {
                    throw new IllegalArgumentException("an event of " + batch.getSizeInBytes()
                            + "+ bytes exceeds what the hub " + hub + " accepts in one batch");
                }
                // Full: what is in it goes first, in order, then the rest in the next batch.
                producer.send(batch);
                batch = producer.createBatch(options);
                if (!batch.tryAdd(event)) {
                    throw new IllegalArgumentException("an event exceeds what the hub " + hub + " accepts");
                }
            }
        }
        if (batch.getCount() > 0) {
            producer.send(batch);
        }
    }

    private EventHubProducerClient producer(String hub) {
        var builder = new EventHubClientBuilder().retryOptions(retry);
        if (!connectionString.isBlank()) {
            builder.connectionString(connectionString, hub);
        } else if (!namespace.isBlank()) {
            builder.credential(namespace, hub, credential);
        } else {
            throw new IllegalStateException("no Event Hubs namespace is configured: set TASKFLOW_EVENTHUBS_NAMESPACE");
        }
        return builder.buildProducerClient();
    }

    @PreDestroy
    void close() {
        producers.values().forEach(EventHubProducerClient::close);
    }
}
