package io.taskflow.functions.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.taskflow.functions.tracing.LogContext;

/**
 * Puts the request's trace and span ids into its log context, so a log line and the trace of the same request can be
 * found from each other. Runs right after the tracing filter has started the request's span; a request tracing leaves
 * out (e.g. the probes) gets no ids.
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
final class TraceLogContextFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    @RequestFilter
    void assign(MutablePropagatedContext context) {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            RequestLogContext.put(context, LogContext.TRACE_ID, span.getTraceId());
            RequestLogContext.put(context, LogContext.SPAN_ID, span.getSpanId());
        }
    }
}
