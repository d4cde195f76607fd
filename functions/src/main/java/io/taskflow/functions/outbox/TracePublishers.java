package io.taskflow.functions.outbox;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.taskflow.functions.tracing.EventSpans;
import jakarta.inject.Singleton;

/** Wraps whichever publisher the runtime provides in {@link TracedEnvelopePublisher}, so no runtime traces by hand. */
@Singleton
final class TracePublishers implements BeanCreatedEventListener<EnvelopePublisher> {
    private final BeanProvider<EventSpans> spans;

    /** A provider: this listener is created before most beans, the tracing SDK among them. */
    TracePublishers(BeanProvider<EventSpans> spans) {
        this.spans = spans;
    }

    @Override
    public EnvelopePublisher onCreated(BeanCreatedEvent<EnvelopePublisher> event) {
        EnvelopePublisher publisher = event.getBean();
        return publisher instanceof TracedEnvelopePublisher
                ? publisher
                : new TracedEnvelopePublisher(publisher, spans.get());
    }
}
