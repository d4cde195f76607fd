package io.taskflow.functions.outbox;

import io.micronaut.context.annotation.Requires;
import io.taskflow.core.event.EventEnvelope;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A broker that refuses records above a size, as Kafka does with RecordTooLargeException; present when asked for. */
@Singleton
@Requires(property = RefusingPublisher.MAX, pattern = "\\d+")
class RefusingPublisher implements EnvelopePublisher {
    static final String MAX = "taskflow.test.refusing-publisher.max-bytes";

    final List<String> accepted = new CopyOnWriteArrayList<>();
    private final int max;

    RefusingPublisher(@io.micronaut.context.annotation.Value("${" + MAX + "}") int max) {
        this.max = max;
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        var refused = new HashMap<String, String>();
        for (EventEnvelope e : batch) {
            if (e.data().length > max) {
                refused.put(e.id(), "RecordTooLargeException: the record is larger than " + max + " bytes");
            } else {
                accepted.add(e.id());
            }
        }
        return refused;
    }
}
