package io.taskflow.adapters.localkafka.dapr.deadletter;

import io.taskflow.adapters.localkafka.dapr.StructuredCloudEvents;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.functions.consumer.DeadLetter;
import io.taskflow.functions.consumer.DeadLetters;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Stores a dead letter in the database before the delivery is answered SUCCESS: the original event, the error, the
 * attempt count and the consumer, readable and redrivable at {@code /admin/dead-letters}. A failed write throws, the
 * delivery is answered RETRY, and the sidecar brings the event again: nothing is lost.
 */
@Singleton
@DaprRuntime
public class DaprDeadLetters implements DeadLetters {
    private final DeadLetterTable table;
    private final StructuredCloudEvents events;

    public DaprDeadLetters(DeadLetterTable table, StructuredCloudEvents events) {
        this.table = table;
        this.events = events;
    }

    @Override
    public void send(DeadLetter letter) {
        var event = letter.event();
        table.insert(
                letter.consumer(),
                event.id(),
                event.type(),
                event.subject(),
                new String(events.write(event), StandardCharsets.UTF_8),
                letter.error(),
                letter.attempts(),
                letter.permanent(),
                letter.failedAt());
    }

    /** A delivery that is not a readable CloudEvent at all: kept as it came, with why. */
    public void sendUnreadable(String consumer, String body, String error, Instant at) {
        table.insert(consumer, "unknown", "unreadable", null, body, error, 1, true, at);
    }
}
