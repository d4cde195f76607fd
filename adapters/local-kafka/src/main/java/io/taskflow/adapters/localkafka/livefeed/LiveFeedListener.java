package io.taskflow.adapters.localkafka.livefeed;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.taskflow.adapters.localkafka.consumer.KafkaDelivery;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.adapters.localkafka.runtime.SelectedConsumer;
import io.taskflow.functions.livefeed.LiveFeedConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A group of its own per instance (every instance pushes to its own connections), starting at the newest events. */
@KafkaRuntime
@SelectedConsumer(LiveFeedConsumer.NAME)
@KafkaListener(
        groupId = "taskflow-live-feed",
        uniqueGroupId = true,
        batch = true,
        offsetReset = OffsetReset.LATEST,
        offsetStrategy = OffsetStrategy.SYNC)
public class LiveFeedListener {
    private final KafkaDelivery delivery;

    public LiveFeedListener(KafkaDelivery delivery) {
        this.delivery = delivery;
    }

    @Topic({"task.created", "task.updated", "task.completed", "task.deleted"})
    public void receive(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafka) {
        delivery.deliver(LiveFeedConsumer.NAME, records, kafka);
    }
}
