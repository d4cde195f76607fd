package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.adapters.localkafka.testing.TopicReader.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace from the HTTP request to every consumer, through the outbox, the relay and a real broker: the spans the
 * application ends are kept in memory, where the tracing SDK would otherwise hand them to an exporter.
 */
class TracingIT {
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

    static final InMemorySpanExporter spans = InMemorySpanExporter.create();
    static EmbeddedServer server;
    static Api api;
    static TopicReader reader;

    @BeforeAll
    static void start() {
        server = ApplicationContext.builder()
                .properties(TestStack.get().properties())
                .singletons(SimpleSpanProcessor.create(spans))
                .run(EmbeddedServer.class);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
        reader = new TopicReader(TestStack.get().broker().bootstrapServers(), "task.created");
    }

    @AfterAll
    static void stop() {
        reader.close();
        server.close();
    }

    @Test
    void oneTraceRunsFromTheRequestThroughTheBrokerToTheConsumersHandler() {
        var ada = api.newUser();
        String taskId = api.createTask(ada, "traced from end to end").text("id");

        Received record = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> reader.poll().stream()
                                .filter(r -> taskId.equals(r.key()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        String eventId = record.header("ce_id");
        SpanData handled = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getName().equals("consume audit task.created"))
                                .filter(s -> eventId.equals(s.getAttributes().get(MESSAGE_ID)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();

        SpanData request = serverSpan("POST", "/tasks", handled.getTraceId());
        assertThat(request.getName()).as(describe(List.of(request))).isEqualTo("POST /tasks");
        assertThat(handled.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(ancestors(handled)).contains(request.getSpanId());
        assertThat(record.header("ce_traceparent"))
                .as("the event's traceparent on the wire")
                .startsWith("00-" + request.getTraceId() + "-");
    }

    @Test
    void theRelayBatchThatCarriedAnEventIsLinkedToTheRequestsTrace() {
        var ada = api.newUser();
        String taskId = api.createTask(ada, "relayed").text("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reader.poll().stream().anyMatch(r -> taskId.equals(r.key())));

        String traceId = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getKind() == SpanKind.SERVER
                                        && "/tasks".equals(s.getAttributes().get(URL_PATH)))
                                .map(SpanData::getTraceId)
                                .reduce((first, last) -> last),
                        Optional::isPresent)
                .orElseThrow();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                        .filteredOn(s -> s.getName().equals("outbox.relay"))
                        .anySatisfy(relay -> {
                            assertThat(relay.getKind()).isEqualTo(SpanKind.PRODUCER);
                            assertThat(relay.getLinks())
                                    .extracting(LinkData::getSpanContext)
                                    .anyMatch(link -> link.getTraceId().equals(traceId));
                        }));
    }

    @Test
    void probesAndScrapesAreNotTraced() {
        assertThat(api.send("GET", "/health/liveness", null, null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/prometheus", null, null).status()).isEqualTo(200);
        var ada = api.newUser();
        api.get("/tasks", ada);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .anyMatch(s -> s.getKind() == SpanKind.SERVER
                                && "/tasks".equals(s.getAttributes().get(URL_PATH))));
        assertThat(spans.getFinishedSpanItems())
                .filteredOn(s -> s.getKind() == SpanKind.SERVER)
                .extracting(s -> s.getAttributes().get(URL_PATH))
                .doesNotContain("/health/liveness", "/prometheus");
    }

    /** The HTTP server span of that call in that trace. */
    private static SpanData serverSpan(String method, String path, String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER)
                .filter(s -> path.equals(s.getAttributes().get(URL_PATH)))
                .filter(s -> method.equals(s.getAttributes().get(AttributeKey.stringKey("http.request.method"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server span for " + method + " " + path + " in trace "
                        + traceId + "; spans: " + describe(spans.getFinishedSpanItems())));
    }

    /** The ids of the span's parent, its parent's parent, and so on, as far as the ended spans of its trace go. */
    private static List<String> ancestors(SpanData span) {
        Map<String, SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(span.getTraceId()))
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        var chain = new ArrayList<String>();
        SpanData current = span;
        while (current != null && current.getParentSpanContext().isValid()) {
            chain.add(current.getParentSpanId());
            current = trace.get(current.getParentSpanId());
        }
        return chain;
    }

    private static String describe(List<SpanData> all) {
        return all.stream()
                .map(s -> s.getName() + "/" + s.getKind() + "/" + s.getTraceId())
                .collect(Collectors.joining(", "));
    }
}
