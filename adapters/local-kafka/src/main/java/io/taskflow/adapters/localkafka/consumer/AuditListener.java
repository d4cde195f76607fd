package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.adapters.localkafka.runtime.SelectedConsumer;
import io.taskflow.functions.audit.AuditConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Delivers every event of every type to the audit consumer. */
@KafkaRuntime
@SelectedConsumer(AuditConsumer.NAME)
@KafkaListener(
        groupId = "taskflow-" + AuditConsumer.NAME,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC)
public class AuditListener {
    private final KafkaDelivery delivery;

    AuditListener(KafkaDelivery delivery) {
        this.delivery = delivery;
    }

    @Topic({
        "task.created",
        "task.updated",
        "task.completed",
        "task.deleted",
        "user.registered",
        "user.authenticated",
        "notification.sent",
        "reminder.triggered",
        "taskflow.redrive.audit"
    })
    public void receive(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafka) {
        delivery.deliver(AuditConsumer.NAME, records, kafka);
    }
}
