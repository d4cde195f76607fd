package io.taskflow.adapters.gcp.metrics;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metrics for the Cloud Monitoring alert policies, written as one JSON line each on standard output. Cloud Functions
 * ship such lines to Cloud Logging as structured entries, and the log-based metrics of iac/terraform/gcp read {@code
 * jsonPayload.taskflow_metric} and {@code jsonPayload.value} from them. No API call and no agent: a function has no
 * Prometheus to be scraped by.
 */
@Singleton
public class LogMetrics {
    public static final String NAME_FIELD = "taskflow_metric";

    private final JsonMapper json;
    private final PrintStream out;

    @Inject
    LogMetrics(JsonMapper json) {
        this(json, System.out);
    }

    LogMetrics(JsonMapper json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    public void count(String metric, Map<String, String> labels) {
        put(metric, 1, labels);
    }

    /** @param labels names and values that tell series apart (e.g. consumer); may be empty */
    public void put(String metric, double value, Map<String, String> labels) {
        var line = new LinkedHashMap<String, Object>();
        line.put("severity", "INFO");
        line.put("message", metric + "=" + value);
        line.put(NAME_FIELD, metric);
        line.put("value", value);
        line.putAll(labels);
        try {
            out.println(new String(json.writeValueAsBytes(line), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
