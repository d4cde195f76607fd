package io.taskflow.functions.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.EventType;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.testing.Envelopes;
import io.taskflow.functions.testing.RecordedSpans;
import io.taskflow.functions.testing.TestContexts;
import io.taskflow.functions.tracing.W3cTraceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ConsumerTracingTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String SPAN = "consume traced task.created";

    private final RecordedSpans spans = new RecordedSpans();
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final TracedConsumer consumer = new TracedConsumer();
    private ApplicationContext context;
    private ConsumerProcessor processor;
    private Tracer tracer;

    @BeforeEach
    void start() {
        context = TestContexts.start(
                Map.of("taskflow.consumers.retry.max-attempts", 2, "taskflow.messaging.system", "kafka"),
                deadLetters,
                spans.processor());
        processor = context.getBean(ConsumerProcessor.class);
        tracer = context.getBean(OpenTelemetry.class).getTracer("test");
    }

    @AfterEach
    void stop() {
        context.close();
        MDC.clear();
    }

    @Test
    void theHandlersSpanIsAChildOfTheSpanThatWroteTheEvent() {
        W3cTraceContext request = RecordedSpans.inRequestSpan(tracer, () -> {});
        EventEnvelope event = traced(created(), request);

        processor.process(consumer, List.of(Delivery.first(event)));

        SpanData requestSpan = spans.named("POST /tasks").get(0);
        assertThat(spans.named(SPAN)).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isEqualTo(requestSpan.getTraceId());
            assertThat(span.getParentSpanId()).isEqualTo(requestSpan.getSpanId());
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getAttributes().asMap())
                    .containsEntry(AttributeKey.stringKey("taskflow.consumer"), "traced")
                    .containsEntry(AttributeKey.stringKey("messaging.message.id"), event.id())
                    .containsEntry(AttributeKey.stringKey("cloudevents.event_type"), "task.created")
                    .containsEntry(AttributeKey.stringKey("messaging.system"), "kafka")
                    .containsEntry(AttributeKey.stringKey("taskflow.consumer.outcome"), "success");
        });
    }

    @Test
    void aBatchOfEventsFromTwoRequestsContinuesBothTraces() {
        W3cTraceContext first = RecordedSpans.inRequestSpan(tracer, () -> {});
        W3cTraceContext second = RecordedSpans.inRequestSpan(tracer, () -> {});
        List<EventEnvelope> batch = List.of(traced(created(), first), traced(created(), second));

        processor.settle(consumer, batch.stream().map(Delivery::first).toList(), duration -> {});

        List<SpanData> requests = spans.named("POST /tasks");
        List<SpanData> handled = spans.named(SPAN);
        assertThat(handled).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(handled.get(i).getTraceId()).isEqualTo(requests.get(i).getTraceId());
            assertThat(handled.get(i).getParentSpanId())
                    .isEqualTo(requests.get(i).getSpanId());
        }
        assertThat(requests.get(0).getTraceId()).isNotEqualTo(requests.get(1).getTraceId());
    }

    @Test
    void whileHandlingTheLogContextHoldsTheTraceAndTheCorrelationIdAndAfterwardsNothingIsLeft() {
        MDC.put("correlationId", "the-pollers-own");
        EventEnvelope event = traced(created(), RecordedSpans.inRequestSpan(tracer, () -> {}));

        processor.process(consumer, List.of(Delivery.first(event)));

        SpanData span = spans.named(SPAN).get(0);
        assertThat(consumer.logContext.get(event.id()))
                .containsEntry("traceId", span.getTraceId())
                .containsEntry("spanId", span.getSpanId())
                .containsEntry("correlationId", event.correlationId());
        assertThat(MDC.get("traceId")).isNull();
        assertThat(MDC.get("spanId")).isNull();
        assertThat(MDC.get("correlationId")).isEqualTo("the-pollers-own");
    }

    @Test
    void eachFailedAttemptIsAFailedSpanInTheSameTraceAndTheLastIsMarkedDeadLettered() {
        EventEnvelope event = traced(created(), RecordedSpans.inRequestSpan(tracer, () -> {}));
        consumer.failing.add(event.id());

        processor.settle(consumer, List.of(Delivery.first(event)), duration -> {});

        List<SpanData> attempts = spans.named(SPAN);
        assertThat(attempts).hasSize(2).allSatisfy(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getEvents()).anyMatch(e -> e.getName().equals("exception"));
            assertThat(span.getTraceId())
                    .isEqualTo(spans.named("POST /tasks").get(0).getTraceId());
        });
        assertThat(attempts)
                .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("taskflow.consumer.outcome")))
                .containsExactly("retry", "dead_letter");
        assertThat(attempts)
                .extracting(s -> s.getAttributes().get(AttributeKey.longKey("taskflow.delivery.attempt")))
                .containsExactly(1L, 2L);
    }

    @Test
    void anEventWithoutATraceContextOrWithABrokenOneIsHandledInATraceOfItsOwn() {
        EventEnvelope untraced = Envelopes.of(created());
        EventEnvelope broken = Envelopes.withTrace(Envelopes.of(created()), "not-a-traceparent", null);

        BatchOutcome outcome = processor.process(consumer, List.of(Delivery.first(untraced), Delivery.first(broken)));

        assertThat(outcome.succeeded()).containsExactly(untraced, broken);
        assertThat(spans.named(SPAN)).hasSize(2).allSatisfy(span -> {
            assertThat(span.getSpanContext().isValid()).isTrue();
            assertThat(span.getParentSpanContext().isValid()).isFalse();
        });
    }

    private static EventEnvelope traced(DomainEvent event, W3cTraceContext trace) {
        return Envelopes.withTrace(Envelopes.of(event), trace.traceparent(), trace.tracestate());
    }

    private static TaskCreated created() {
        UUID owner = UUID.randomUUID();
        return new TaskCreated(
                UUID.randomUUID(),
                NOW,
                owner,
                Task.create(UUID.randomUUID(), owner, TaskFixtures.minimalDetails(), NOW));
    }

    /** Notes the logging context each event is handled in; fails the events it is told to, every time. */
    private static final class TracedConsumer implements EventConsumer {
        final Map<String, Map<String, String>> logContext = new ConcurrentHashMap<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        @Override
        public String name() {
            return "traced";
        }

        @Override
        public Set<EventType> types() {
            return Set.of(EventType.TASK_CREATED);
        }

        @Override
        public void handle(DomainEvent event, EventEnvelope envelope) {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            logContext.put(envelope.id(), mdc == null ? Map.of() : new HashMap<>(mdc));
            if (failing.contains(envelope.id())) {
                throw new IllegalStateException("boom");
            }
        }
    }
}
