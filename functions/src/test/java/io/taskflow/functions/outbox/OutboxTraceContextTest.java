package io.taskflow.functions.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.task.Task;
import io.taskflow.core.testing.TaskFixtures;
import io.taskflow.functions.testing.RecordedSpans;
import io.taskflow.functions.testing.TestContexts;
import io.taskflow.functions.tracing.W3cTraceContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTraceContextTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final RecordedSpans spans = new RecordedSpans();
    private ApplicationContext context;
    private Tracer tracer;
    private Transactions tx;
    private EventOutbox outbox;

    @BeforeEach
    void start() {
        context = TestContexts.start(Map.of(), spans.processor());
        tracer = context.getBean(OpenTelemetry.class).getTracer("test");
        tx = context.getBean(Transactions.class);
        outbox = context.getBean(EventOutbox.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void anEventAppendedInsideASpanCarriesThatSpansTraceparent() {
        TaskCreated event = created();

        W3cTraceContext request = RecordedSpans.inRequestSpan(tracer, () -> append(event));

        var requestSpan = spans.named("POST /tasks").get(0).getSpanContext();
        assertThat(request.traceparent())
                .isEqualTo("00-" + requestSpan.getTraceId() + "-" + requestSpan.getSpanId() + "-01");
        assertThat(traceColumns(event)).containsExactly(request.traceparent(), null);
    }

    @Test
    void theTracestateOfTheTraceTravelsWithTheEvent() {
        TaskCreated event = created();
        var caller = SpanContext.createFromRemoteParent(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "opaque").build());

        try (Scope ignored = Context.root().with(Span.wrap(caller)).makeCurrent()) {
            RecordedSpans.inRequestSpan(tracer, () -> append(event));
        }

        var written = traceColumns(event);
        assertThat(written[0]).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(written[1]).isEqualTo("vendor=opaque");
    }

    @Test
    void anEventAppendedOutsideAnySpanHasNoTraceContext() {
        TaskCreated event = created();

        append(event);

        assertThat(traceColumns(event)).containsExactly(null, null);
    }

    @Test
    void withTracingSwitchedOffEventsAreWrittenAndRelayedWithoutTraceContext() {
        context.close();
        context = TestContexts.start(
                Map.of("micronaut.otel.enabled", false, RecordingPublisher.ENABLED, "true"), spans.processor());
        tx = context.getBean(Transactions.class);
        outbox = context.getBean(EventOutbox.class);
        TaskCreated event = created();

        append(event);
        OutboxRelay.Result relayed = context.getBean(OutboxRelay.class).relayBatch();

        assertThat(context.containsBean(OpenTelemetry.class)).isFalse();
        assertThat(traceColumns(event)).containsExactly(null, null);
        assertThat(relayed.published()).isEqualTo(1);
        assertThat(spans.all()).isEmpty();
    }

    private void append(TaskCreated event) {
        tx.inTransaction(() -> {
            outbox.append(event);
            return null;
        });
    }

    private String[] traceColumns(TaskCreated event) {
        JdbcOperations jdbc = context.getBean(JdbcOperations.class);
        return tx.inTransaction(() ->
                jdbc.prepareStatement("SELECT traceparent, tracestate FROM outbox WHERE event_id = ?", ps -> {
                    ps.setObject(1, event.eventId());
                    try (var rs = ps.executeQuery()) {
                        assertThat(rs.next())
                                .as("outbox row of " + event.eventId())
                                .isTrue();
                        return new String[] {rs.getString(1), rs.getString(2)};
                    }
                }));
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
