package io.taskflow.functions.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.RecordedSpans;
import io.taskflow.functions.testing.TestContexts;
import io.taskflow.functions.tracing.EventSpans;
import io.taskflow.functions.tracing.W3cTraceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelayTracingTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final RecordedSpans spans = new RecordedSpans();
    private ApplicationContext context;
    private Tracer tracer;

    @BeforeEach
    void start() {
        context = TestContexts.start(Map.of(RecordingPublisher.ENABLED, "true"), spans.processor());
        tracer = context.getBean(OpenTelemetry.class).getTracer("test");
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void theRelaysBatchIsOneSpanLinkedToTheTraceOfEveryRequestWhoseEventsItCarried() {
        var outbox = context.getBean(EventOutbox.class);
        var tx = context.getBean(Transactions.class);
        Runnable appendTwo = () -> tx.inTransaction(() -> {
            outbox.append(List.of(created(), created()));
            return null;
        });
        W3cTraceContext first = RecordedSpans.inRequestSpan(tracer, appendTwo);
        W3cTraceContext second = RecordedSpans.inRequestSpan(tracer, appendTwo);

        OutboxRelay.Result result = context.getBean(OutboxRelay.class).relayBatch();

        assertThat(result.published()).isEqualTo(4);
        assertThat(spans.named("outbox.relay")).singleElement().satisfies(relay -> {
            assertThat(relay.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(relay.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count")))
                    .isEqualTo(4L);
            assertThat(relay.getLinks())
                    .extracting(LinkData::getSpanContext)
                    .extracting(SpanContext::getTraceId, SpanContext::getSpanId)
                    .containsExactly(ids(first), ids(second));
            assertThat(relay.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        });
        // The events leave with the request's context, not the relay's: consumers continue the request's trace.
        assertThat(context.getBean(RecordingPublisher.Sent.class).envelopes)
                .extracting(EventEnvelope::traceparent)
                .containsExactly(first.traceparent(), first.traceparent(), second.traceparent(), second.traceparent());
    }

    @Test
    void aBatchTheBrokerPartlyRefusedIsAFailedSpan() {
        RecordedSpans standalone = new RecordedSpans();
        var sdkSpans = new EventSpans(sdkWith(standalone), "");
        EventEnvelope refused = Envelopes.of(created());
        EventEnvelope accepted = Envelopes.of(created());
        var publisher = new TracedEnvelopePublisher(batch -> Map.of(refused.id(), "broker said no"), sdkSpans);

        Map<String, String> failures = publisher.publish(List.of(accepted, refused));

        assertThat(failures).containsOnlyKeys(refused.id());
        SpanData relay = standalone.named("outbox.relay").get(0);
        assertThat(relay.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(relay.getAttributes().get(AttributeKey.longKey("taskflow.outbox.refused")))
                .isEqualTo(1L);
        assertThat(relay.getLinks()).isEmpty();
    }

    private static OpenTelemetry sdkWith(RecordedSpans recorded) {
        return io.opentelemetry.sdk.OpenTelemetrySdk.builder()
                .setTracerProvider(io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
                        .addSpanProcessor(recorded.processor())
                        .build())
                .build();
    }

    private static org.assertj.core.groups.Tuple ids(W3cTraceContext context) {
        SpanContext span = W3cTraceContext.spanContextOf(context.traceparent(), context.tracestate());
        return org.assertj.core.groups.Tuple.tuple(span.getTraceId(), span.getSpanId());
    }

    private static TaskCreated created() {
        UUID owner = UUID.randomUUID();
        return new TaskCreated(
                UUID.randomUUID(),
                NOW,
                owner,
                Task.create(UUID.randomUUID(), owner, TaskFixtures.minimalDetails(), NOW));
    }
}
