package io.taskflow.functions.outbox;

import io.micronaut.context.annotation.Requires;
import io.taskflow.core.event.EventEnvelope;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A runtime's publisher, as a bean, that hands what it is given to {@link Sent}; present only when a test asks for
 * it. The application sees it decorated, so a test reads what went out from {@link Sent}.
 */
@Singleton
@Requires(property = RecordingPublisher.ENABLED, value = "true")
class RecordingPublisher implements EnvelopePublisher {
    static final String ENABLED = "taskflow.test.recording-publisher";

    private final Sent sent;

    RecordingPublisher(Sent sent) {
        this.sent = sent;
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        sent.envelopes.addAll(batch);
        return Map.of();
    }

    @Singleton
    @Requires(property = RecordingPublisher.ENABLED, value = "true")
    static class Sent {
        final List<EventEnvelope> envelopes = new CopyOnWriteArrayList<>();
    }
}
