package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.adapters.localkafka.runtime.SelectedConsumer;
import io.taskflow.functions.recurrence.RecurrenceConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Delivers completions to the recurrence consumer, which creates the next occurrence of a recurring task. */
@KafkaRuntime
@SelectedConsumer(RecurrenceConsumer.NAME)
@KafkaListener(
        groupId = "taskflow-" + RecurrenceConsumer.NAME,
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC)
public class RecurrenceListener {
    private final KafkaDelivery delivery;

    RecurrenceListener(KafkaDelivery delivery) {
        this.delivery = delivery;
    }

    @Topic({"task.completed", "taskflow.redrive.recurrence"})
    public void receive(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafka) {
        delivery.deliver(RecurrenceConsumer.NAME, records, kafka);
    }
}
