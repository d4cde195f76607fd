package io.taskflow.functions.testing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.taskflow.functions.tracing.W3cTraceContext;
import java.util.List;

/**
 * Keeps every span the application ends, in memory: give {@link #processor()} to the context as a bean and the
 * tracing SDK feeds it, the way it would feed an exporter.
 */
public final class RecordedSpans {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SpanProcessor processor = SimpleSpanProcessor.create(exporter);

    public SpanProcessor processor() {
        return processor;
    }

    public List<SpanData> all() {
        return exporter.getFinishedSpanItems();
    }

    public List<SpanData> named(String name) {
        return all().stream().filter(s -> s.getName().equals(name)).toList();
    }

    /**
     * Runs {@code work} inside a new server span, as a controller runs inside its request's span, and returns that
     * span's W3C context: what the outbox writes for events appended meanwhile.
     */
    public static W3cTraceContext inRequestSpan(Tracer tracer, Runnable work) {
        Span request =
                tracer.spanBuilder("POST /tasks").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope ignored = request.makeCurrent()) {
            work.run();
            return W3cTraceContext.current().orElseThrow();
        } finally {
            request.end();
        }
    }
}
