package io.taskflow.adapters.aws.metrics;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics for the CloudWatch alarms, written as CloudWatch embedded metric format lines on standard output, which
 * Lambda ships to CloudWatch Logs and CloudWatch turns into metrics. No API call and no agent: a function has no
 * Prometheus to be scraped by.
 */
@Singleton
public class EmbeddedMetrics {
    public static final String NAMESPACE = "Taskflow";

    private final JsonMapper json;
    private final PrintStream out;

    @Inject
    EmbeddedMetrics(JsonMapper json) {
        this(json, System.out);
    }

    EmbeddedMetrics(JsonMapper json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    /**
     * @param dimensions names and values that tell the series apart (e.g. consumer); may be empty
     * @param unit a CloudWatch unit: Count, Seconds, …
     */
    public void put(String metric, double value, String unit, Map<String, String> dimensions) {
        var line = new LinkedHashMap<String, Object>();
        line.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        System.currentTimeMillis(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                NAMESPACE,
                                "Dimensions",
                                List.of(List.copyOf(dimensions.keySet())),
                                "Metrics",
                                List.of(Map.of("Name", metric, "Unit", unit))))));
        line.putAll(dimensions);
        line.put(metric, value);
        try {
            out.println(new String(json.writeValueAsBytes(line), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
