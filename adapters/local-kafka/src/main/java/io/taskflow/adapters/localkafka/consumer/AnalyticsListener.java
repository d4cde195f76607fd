package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.adapters.localkafka.runtime.SelectedConsumer;
import io.taskflow.functions.analytics.AnalyticsConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Delivers task events to the analytics consumer. */
@KafkaRuntime
@SelectedConsumer(AnalyticsConsumer.NAME)
@KafkaListener(
        groupId = "taskflow-" + AnalyticsConsumer.NAME,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC)
public class AnalyticsListener {
    private final KafkaDelivery delivery;

    AnalyticsListener(KafkaDelivery delivery) {
        this.delivery = delivery;
    }

    @Topic({"task.created", "task.updated", "task.completed", "task.deleted", "taskflow.redrive.analytics"})
    public void receive(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafka) {
        delivery.deliver(AnalyticsConsumer.NAME, records, kafka);
    }
}
