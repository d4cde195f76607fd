package io.taskflow.functions.outbox;

import io.taskflow.core.event.EventEnvelope;
import io.taskflow.functions.tracing.EventSpans;
import java.util.List;
import java.util.Map;

/**
 * Traces the runtime's publisher: each batch the relay sends is one span, linked to the trace of every event in it.
 * The events themselves go out unchanged: their trace context is the one written with the outbox row.
 */
final class TracedEnvelopePublisher implements EnvelopePublisher {
    private final EnvelopePublisher delegate;
    private final EventSpans spans;

    TracedEnvelopePublisher(EnvelopePublisher delegate, EventSpans spans) {
        this.delegate = delegate;
        this.spans = spans;
    }

    @Override
    public void prepare() {
        delegate.prepare();
    }

    @Override
    public Map<String, String> publish(List<EventEnvelope> batch) {
        try (EventSpans.ActiveSpan span = spans.publishing(batch)) {
            try {
                Map<String, String> refused = delegate.publish(batch);
                span.refused(refused);
                return refused;
            } catch (RuntimeException e) {
                span.failed(e);
                throw e;
            }
        }
    }
}
