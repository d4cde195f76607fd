package io.taskflow.adapters.localkafka.consumer;

import io.micronaut.context.annotation.Value;
import io.taskflow.adapters.localkafka.kafka.KafkaEventProducer;
import io.taskflow.core.error.NotFoundException;
import io.taskflow.functions.consumer.DeadLetterQueues;
import io.taskflow.functions.consumer.EventConsumer;
import jakarta.inject.Singleton;
import java.util.List;

/** The dead-letter topics of this runtime's consumers, for the admin endpoint. */
@Singleton
public class KafkaDeadLetterQueues implements DeadLetterQueues {
    private final KafkaRedrive redrive;
    private final List<String> consumers;

    public KafkaDeadLetterQueues(
            @Value("${kafka.bootstrap.servers}") String bootstrapServers,
            KafkaEventProducer producer,
            List<EventConsumer> consumers) {
        this.redrive = new KafkaRedrive(bootstrapServers, producer);
        this.consumers = consumers.stream()
                .filter(c -> !c.stateless())
                .map(EventConsumer::name)
                .sorted()
                .toList();
    }

    @Override
    public List<Depth> depths() {
        return consumers.stream()
                .map(c -> new Depth(c, ConsumerTopics.deadLetters(c), redrive.pending(c)))
                .toList();
    }

    @Override
    public List<Letter> peek(String consumer, int limit) {
        return redrive.peek(known(consumer), limit);
    }

    @Override
    public long redrive(String consumer, Progress progress) {
        return redrive.redrive(known(consumer), progress);
    }

    private String known(String consumer) {
        if (!consumers.contains(consumer)) {
            throw new NotFoundException("consumer " + consumer);
        }
        return consumer;
    }
}
