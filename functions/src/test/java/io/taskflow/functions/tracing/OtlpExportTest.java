package io.taskflow.functions.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.taskflow.functions.testing.TestContexts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export is configured by the environment's OTLP settings: on with an endpoint, off without one or when told so. */
class OtlpExportTest {
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            received.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void withAnOtlpEndpointSpansAreSentToIt() {
        try (var context = contextWith(Map.of("otel.exporter.otlp.endpoint", collectorUrl()))) {
            endOneSpanAndFlush(context);

            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("POST /v1/traces"));
            assertThat(tracerProvider(context)).contains("OtlpHttpSpanExporter");
        }
    }

    @Test
    void withoutAnEndpointNoExporterIsConfigured() {
        try (var context = contextWith(Map.of())) {
            endOneSpanAndFlush(context);

            assertThat(tracerProvider(context)).doesNotContain("Otlp");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void anExporterNamedExplicitlyWinsOverTheEndpoint() {
        try (var context =
                contextWith(Map.of("otel.exporter.otlp.endpoint", collectorUrl(), "otel.traces.exporter", "none"))) {
            endOneSpanAndFlush(context);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void anEndpointForTracesAloneTurnsExportOnAsWell() {
        try (var context =
                contextWith(Map.of("otel.exporter.otlp.traces.endpoint", collectorUrl() + "/collect/traces"))) {
            endOneSpanAndFlush(context);

            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("POST /collect/traces"));
        }
    }

    private ApplicationContext contextWith(Map<String, Object> properties) {
        return TestContexts.start(properties);
    }

    private String collectorUrl() {
        return "http://127.0.0.1:" + collector.getAddress().getPort();
    }

    /** The SDK's description of its pipeline: processors and exporters. */
    private static String tracerProvider(ApplicationContext context) {
        return ((OpenTelemetrySdk) context.getBean(OpenTelemetry.class))
                .getSdkTracerProvider()
                .toString();
    }

    private static void endOneSpanAndFlush(ApplicationContext context) {
        var openTelemetry = (OpenTelemetrySdk) context.getBean(OpenTelemetry.class);
        openTelemetry.getTracer("test").spanBuilder("work").startSpan().end();
        openTelemetry.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    }
}
