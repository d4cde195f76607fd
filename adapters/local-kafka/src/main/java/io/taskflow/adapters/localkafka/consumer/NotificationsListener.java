package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.adapters.localkafka.runtime.SelectedConsumer;
import io.taskflow.functions.notification.NotificationsConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Delivers the events a user can be notified of to the notifications consumer. */
@KafkaRuntime
@SelectedConsumer(NotificationsConsumer.NAME)
@KafkaListener(
        groupId = "taskflow-" + NotificationsConsumer.NAME,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC)
public class NotificationsListener {
    private final KafkaDelivery delivery;

    NotificationsListener(KafkaDelivery delivery) {
        this.delivery = delivery;
    }

    @Topic({
        "task.created",
        "task.updated",
        "task.completed",
        "task.deleted",
        "reminder.triggered",
        "user.authenticated",
        "taskflow.redrive.notifications"
    })
    public void receive(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafka) {
        delivery.deliver(NotificationsConsumer.NAME, records, kafka);
    }
}
