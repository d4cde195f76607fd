package io.taskflow.functions.tracing;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.taskflow.core.event.EventEnvelope;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spans of the event path, shared by every runtime: one per relay batch, and one per event a consumer handles,
 * which continues the trace the event carries. Each span is current, and its ids are in the logging context, while
 * the work it measures runs.
 */
@Singleton
public class EventSpans {
    static final String INSTRUMENTATION_SCOPE = "io.taskflow";
    static final String RELAY_SPAN = "outbox.relay";

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> MESSAGING_OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event_subject");
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("taskflow.consumer");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("taskflow.delivery.attempt");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("taskflow.consumer.outcome");
    static final AttributeKey<Long> REFUSED = AttributeKey.longKey("taskflow.outbox.refused");

    private final Tracer tracer;
    private final String messagingSystem;

    /**
     * @param openTelemetry absent when tracing is switched off ({@code micronaut.otel.enabled: false}): no spans then
     * @param messagingSystem the broker's name in the {@code messaging.system} attribute ({@code kafka}, …), set by
     *     the runtime; empty when unknown
     */
    public EventSpans(
            @Nullable OpenTelemetry openTelemetry, @Value("${taskflow.messaging.system:}") String messagingSystem) {
        this.tracer = (openTelemetry == null ? OpenTelemetry.noop() : openTelemetry).getTracer(INSTRUMENTATION_SCOPE);
        this.messagingSystem = messagingSystem == null || messagingSystem.isBlank() ? null : messagingSystem;
    }

    /**
     * Starts the span of one consumer's attempt at one event, named {@code consume <consumer> <type>}: a child of the
     * span that wrote the event when the event carries a trace context, so the trace goes on; else a child of the
     * current span, if any. The event's correlation id joins the trace ids in the logging context.
     */
    public ActiveSpan handling(String consumer, EventEnvelope event, int attempt) {
        return start(consumerSpan(consumer, event, attempt), event.correlationId());
    }

    /**
     * The same span as {@link #handling}, for an event of a batch handled in one transaction: open for the whole batch,
     * and current only while that event is worked on ({@link HeldSpan#enter()}), in the transaction and after it.
     */
    public HeldSpan holding(String consumer, EventEnvelope event, int attempt) {
        SpanBuilder builder = consumerSpan(consumer, event, attempt);
        if (messagingSystem != null) {
            builder.setAttribute(MESSAGING_SYSTEM, messagingSystem);
        }
        Span span = builder.startSpan();
        var log = new HashMap<String, String>();
        if (span.getSpanContext().isValid()) {
            log.put(LogContext.TRACE_ID, span.getSpanContext().getTraceId());
            log.put(LogContext.SPAN_ID, span.getSpanContext().getSpanId());
        }
        log.put(LogContext.CORRELATION_ID, event.correlationId());
        return new HeldSpan(span, log);
    }

    private SpanBuilder consumerSpan(String consumer, EventEnvelope event, int attempt) {
        SpanContext origin = W3cTraceContext.spanContextOf(event.traceparent(), event.tracestate());
        Context parent = origin.isValid() ? Context.root().with(Span.wrap(origin)) : Context.current();
        SpanBuilder builder = tracer.spanBuilder("consume " + consumer + " " + event.type())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_OPERATION, "process")
                .setAttribute(MESSAGE_ID, event.id())
                .setAttribute(EVENT_TYPE, event.type())
                .setAttribute(CONSUMER, consumer)
                .setAttribute(ATTEMPT, (long) attempt);
        if (event.subject() != null) {
            builder.setAttribute(EVENT_SUBJECT, event.subject());
        }
        return builder;
    }

    /**
     * Starts the span of a consumer's batch handled in one transaction, {@code consume <consumer> batch}: like a relay
     * batch it holds events of many traces, so it links to each event's context. It is not made current: the span of
     * each event inside it continues that event's own trace, or starts one of its own, never the batch's.
     */
    public ActiveSpan handlingBatch(String consumer, List<EventEnvelope> batch) {
        SpanBuilder builder = tracer.spanBuilder("consume " + consumer + " batch")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_OPERATION, "process")
                .setAttribute(CONSUMER, consumer)
                .setAttribute(BATCH_SIZE, (long) batch.size());
        if (messagingSystem != null) {
            builder.setAttribute(MESSAGING_SYSTEM, messagingSystem);
        }
        origins(batch).forEach(builder::addLink);
        return new ActiveSpan(builder.startSpan(), null, null);
    }

    /**
     * Starts the span of one relay batch, {@value #RELAY_SPAN}. A batch carries events of many requests, so it cannot
     * be the child of each: it links to the context of every event instead, which shows the relay in each trace it
     * carried. It does not replace the events' contexts: consumers continue the trace of the request.
     */
    public ActiveSpan publishing(List<EventEnvelope> batch) {
        SpanBuilder builder = tracer.spanBuilder(RELAY_SPAN)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_OPERATION, "send")
                .setAttribute(BATCH_SIZE, (long) batch.size());
        origins(batch).forEach(builder::addLink);
        return start(builder, null);
    }

    /** Notes on the current span what became of the event it handles (success, duplicate, retry, dead_letter, …). */
    public static void outcome(String outcome) {
        Span.current().setAttribute(OUTCOME, outcome);
    }

    private ActiveSpan start(SpanBuilder builder, String correlationId) {
        if (messagingSystem != null) {
            builder.setAttribute(MESSAGING_SYSTEM, messagingSystem);
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        var log = new HashMap<String, String>();
        if (span.getSpanContext().isValid()) {
            log.put(LogContext.TRACE_ID, span.getSpanContext().getTraceId());
            log.put(LogContext.SPAN_ID, span.getSpanContext().getSpanId());
        }
        log.put(LogContext.CORRELATION_ID, correlationId);
        return new ActiveSpan(span, scope, LogContext.with(log));
    }

    /** The distinct valid contexts of the batch's events: a request that wrote several events is linked once. */
    private static Set<SpanContext> origins(List<EventEnvelope> batch) {
        Set<SpanContext> origins = new LinkedHashSet<>();
        for (EventEnvelope event : batch) {
            SpanContext origin = W3cTraceContext.spanContextOf(event.traceparent(), event.tracestate());
            if (origin.isValid()) {
                origins.add(origin);
            }
        }
        return origins;
    }

    /** A consumer's span of one event of a batch: entered and left as the batch works on that event. */
    public static final class HeldSpan {
        private final Span span;
        private final Map<String, String> log;

        private HeldSpan(Span span, Map<String, String> log) {
            this.span = span;
            this.log = log;
        }

        /** While entered, the span is current and its ids are in the logging context. */
        public Entered enter() {
            Scope scope = span.makeCurrent();
            LogContext context = LogContext.with(log);
            return () -> {
                context.close();
                scope.close();
            };
        }

        public void outcome(String outcome) {
            span.setAttribute(OUTCOME, outcome);
        }

        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }

        public void end() {
            span.end();
        }
    }

    /** Leaving a {@link HeldSpan}. */
    public interface Entered extends AutoCloseable {
        @Override
        void close();
    }

    /** A started span, current on this thread until closed; closing ends it and restores the logging context. */
    public static final class ActiveSpan implements AutoCloseable {
        private final Span span;
        private final Scope scope;
        private final LogContext log;

        private ActiveSpan(Span span, Scope scope, LogContext log) {
            this.span = span;
            this.scope = scope;
            this.log = log;
        }

        /** Marks the span failed, with the exception as an event on it. */
        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }

        /** For a batch: how many events the broker did not acknowledge; any is a failure of the span. */
        public void refused(Map<String, String> refused) {
            span.setAttribute(REFUSED, (long) refused.size());
            if (!refused.isEmpty()) {
                span.setStatus(StatusCode.ERROR, refused.size() + " event(s) not acknowledged");
            }
        }

        @Override
        public void close() {
            if (log != null) {
                log.close();
            }
            if (scope != null) {
                scope.close();
            }
            span.end();
        }
    }
}
