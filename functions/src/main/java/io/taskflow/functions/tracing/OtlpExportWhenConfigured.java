package io.taskflow.functions.tracing;

import io.micronaut.context.env.Environment;
import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Spans are exported only when there is somewhere to send them: giving an OTLP endpoint ({@code
 * OTEL_EXPORTER_OTLP_ENDPOINT}, or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) turns the OTLP exporter on, and without
 * one nothing leaves the process (spans are still made, so trace ids reach the logs and the events). An exporter
 * named explicitly ({@code OTEL_TRACES_EXPORTER}, {@code otel.traces.exporter}) always wins.
 */
@Singleton
final class OtlpExportWhenConfigured implements OpenTelemetryBuilderCustomizer {
    static final String TRACES_EXPORTER = "otel.traces.exporter";
    static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "otel.exporter.otlp.traces.endpoint";

    private final boolean exporterNamed;

    OtlpExportWhenConfigured(Environment environment) {
        this.exporterNamed = environment.containsProperty(TRACES_EXPORTER);
    }

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(this::exporter);
    }

    Map<String, String> exporter(ConfigProperties config) {
        if (exporterNamed) {
            return Map.of();
        }
        boolean endpointGiven = Stream.of(TRACES_ENDPOINT, ENDPOINT)
                .map(config::getString)
                .anyMatch(value -> value != null && !value.isBlank());
        return endpointGiven ? Map.of(TRACES_EXPORTER, "otlp") : Map.of();
    }
}
