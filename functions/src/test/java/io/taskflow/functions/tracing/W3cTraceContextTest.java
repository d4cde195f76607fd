package io.taskflow.functions.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

class W3cTraceContextTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aSpanContextIsWrittenAsTraceparentAndTracestateAndReadBackTheSame() {
        var span = SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "opaque").build());

        W3cTraceContext written =
                W3cTraceContext.of(Context.root().with(Span.wrap(span))).orElseThrow();
        SpanContext read = W3cTraceContext.spanContextOf(written.traceparent(), written.tracestate());

        assertThat(written).isEqualTo(new W3cTraceContext(TRACEPARENT, "vendor=opaque"));
        assertThat(read.getTraceId()).isEqualTo(span.getTraceId());
        assertThat(read.getSpanId()).isEqualTo(span.getSpanId());
        assertThat(read.isSampled()).isTrue();
        assertThat(read.isRemote()).isTrue();
        assertThat(read.getTraceState().get("vendor")).isEqualTo("opaque");
    }

    @Test
    void withoutASpanThereIsNothingToWrite() {
        assertThat(W3cTraceContext.current()).isEmpty();
        assertThat(W3cTraceContext.of(Context.root().with(Span.getInvalid()))).isEmpty();
    }

    @Test
    void aMissingOrMalformedTraceparentReadsAsNoContext() {
        assertThat(W3cTraceContext.spanContextOf(null, null).isValid()).isFalse();
        assertThat(W3cTraceContext.spanContextOf("", "vendor=x").isValid()).isFalse();
        assertThat(W3cTraceContext.spanContextOf("00-short-00f067aa0ba902b7-01", null)
                        .isValid())
                .isFalse();
        assertThat(W3cTraceContext.spanContextOf("00-00000000000000000000000000000000-00f067aa0ba902b7-01", null)
                        .isValid())
                .isFalse();
    }
}
