package io.taskflow.functions.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trace context as the two W3C Trace Context strings an event carries. Always W3C, whatever propagators the
 * application is configured with: the CloudEvents distributed-tracing extension defines its attributes in that format.
 *
 * @param traceparent {@code 00-<trace id>-<parent span id>-<flags>}
 * @param tracestate vendor entries; null when there are none
 */
public record W3cTraceContext(String traceparent, String tracestate) {
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** The context of the span current on this thread; empty when there is none (nothing is being traced). */
    public static Optional<W3cTraceContext> current() {
        return of(Context.current());
    }

    static Optional<W3cTraceContext> of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, (map, key, value) -> map.put(key, value));
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null
                ? Optional.empty()
                : Optional.of(new W3cTraceContext(traceparent, carrier.get(TRACESTATE)));
    }

    /**
     * The remote span these strings name; {@link SpanContext#getInvalid() invalid} when there is no traceparent or it
     * is malformed, so an event with a broken context is still handled, in a trace of its own.
     */
    public static SpanContext spanContextOf(String traceparent, String tracestate) {
        if (traceparent == null || traceparent.isBlank()) {
            return SpanContext.getInvalid();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return Span.fromContext(W3C.extract(Context.root(), carrier, MapGetter.INSTANCE))
                .getSpanContext();
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
