package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.taskflow.adapters.localkafka.runtime.KafkaRuntime;
import io.taskflow.adapters.localkafka.runtime.SelectedConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Wired exactly as the real consumers' listeners are. */
@KafkaRuntime
@SelectedConsumer(ProbeConsumer.NAME)
@Requires(property = "taskflow.test.probe", value = "true")
@KafkaListener(
        groupId = "taskflow-probe",
        batch = true,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC)
public class ProbeListener {
    private final KafkaDelivery delivery;

    ProbeListener(KafkaDelivery delivery) {
        this.delivery = delivery;
    }

    @Topic({"task.created", "task.updated", "taskflow.redrive.probe"})
    public void receive(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> kafka) {
        delivery.deliver(ProbeConsumer.NAME, records, kafka);
    }
}
