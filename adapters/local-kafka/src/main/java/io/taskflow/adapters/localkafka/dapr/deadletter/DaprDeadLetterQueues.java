package io.taskflow.adapters.localkafka.dapr.deadletter;

import io.taskflow.adapters.localkafka.dapr.StructuredCloudEvents;
import io.taskflow.adapters.localkafka.dapr.invoke.ConsumerServices;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.core.error.NotFoundException;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.TimeSource;
import io.taskflow.functions.consumer.BatchOutcome;
import io.taskflow.functions.consumer.ConsumerProcessor;
import io.taskflow.functions.consumer.ConsumerSelection;
import io.taskflow.functions.consumer.DeadLetterQueues;
import io.taskflow.functions.consumer.Delivery;
import io.taskflow.functions.consumer.EventConsumer;
import io.taskflow.functions.event.InvalidEventException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Dapr runtime's dead letters, for the admin endpoint and the dead-letter gauge. A redrive runs the dead letters
 * through their consumer again; it has to happen where that consumer runs (its settings, such as the SMTP server, are
 * that process's). So a process that does not run the consumer (the API of a split deployment) hands the redrive to
 * the consumer's own service, {@code taskflow-<consumer>}, by Dapr service invocation.
 */
@Singleton
@DaprRuntime
public class DaprDeadLetterQueues implements DeadLetterQueues {
    private static final Logger LOG = LoggerFactory.getLogger(DaprDeadLetterQueues.class);
    private static final int PAGE = 100;

    private final DeadLetterTable table;
    private final ConsumerProcessor processor;
    private final ConsumerSelection selection;
    private final ConsumerServices services;
    private final StructuredCloudEvents events;
    private final TimeSource time;
    private final Map<String, EventConsumer> consumers;

    public DaprDeadLetterQueues(
            DeadLetterTable table,
            ConsumerProcessor processor,
            ConsumerSelection selection,
            ConsumerServices services,
            StructuredCloudEvents events,
            TimeSource time,
            List<EventConsumer> consumers) {
        this.table = table;
        this.processor = processor;
        this.selection = selection;
        this.services = services;
        this.events = events;
        this.time = time;
        this.consumers = consumers.stream()
                .filter(c -> !c.stateless())
                .collect(Collectors.toMap(EventConsumer::name, Function.identity()));
    }

    @Override
    public List<Depth> depths() {
        Map<String, Long> pending = table.pendingCounts();
        return consumers.keySet().stream()
                .sorted()
                .map(c -> new Depth(c, DeadLetterTopics.of(c), pending.getOrDefault(c, 0L)))
                .toList();
    }

    @Override
    public List<Letter> peek(String consumer, int limit) {
        return table.pending(known(consumer).name(), limit).stream()
                .map(DeadLetterTable.Row::letter)
                .toList();
    }

    /**
     * Oldest first, one at a time; stops at the first dead letter that fails again (it stays pending, and so do the
     * ones after it). One that breaks its schema is dead-lettered anew by the processor, and the old row is settled.
     */
    @Override
    public long redrive(String consumer, Progress progress) {
        EventConsumer target = known(consumer);
        if (!selection.runs(consumer)) {
            return services.redrive(consumer);
        }
        long total = table.pendingCounts().getOrDefault(consumer, 0L);
        long moved = 0;
        while (true) {
            List<DeadLetterTable.Row> rows = table.pending(consumer, PAGE);
            if (rows.isEmpty()) {
                return moved;
            }
            for (DeadLetterTable.Row row : rows) {
                if (!settles(target, row)) {
                    LOG.warn("redrive {}: dead letter {} failed again; it stays pending", consumer, row.eventId());
                    return moved;
                }
                table.markRedriven(row.id(), time.now());
                progress.moved(++moved, total);
            }
        }
    }

    private boolean settles(EventConsumer consumer, DeadLetterTable.Row row) {
        EventEnvelope envelope;
        try {
            envelope = events.read(row.event().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidEventException e) {
            // Unreadable then, unreadable now: nothing could ever process it.
            return false;
        }
        BatchOutcome outcome = processor.process(consumer, List.of(Delivery.first(envelope)));
        return outcome.settled();
    }

    private EventConsumer known(String consumer) {
        EventConsumer found = consumers.get(consumer);
        if (found == null) {
            throw new NotFoundException("consumer " + consumer);
        }
        return found;
    }
}
