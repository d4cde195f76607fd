package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String SCRAPE = """
            # HELP http_server_requests_seconds Duration of HTTP server request handling
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{exception="none",method="GET",status="404",uri="/tasks/{id}",le="0.5"} 3
            http_server_requests_seconds_bucket{exception="none",method="GET",status="404",uri="/tasks/{id}",le="+Inf"} 4
            http_server_requests_seconds_count{exception="none",method="GET",status="404",uri="/tasks/{id}"} 4
            http_server_requests_seconds_count{exception="none",method="POST",status="201",uri="/tasks",} 2.0

            taskflow_consumer_lag_records{consumer="audit"} NaN
            taskflow_outbox_pending_events 0.0 1712345678901
            odd_label{text="a \\"quoted\\" word, a \\\\ and a\\nnew line"} -Inf
            """;

    private final PrometheusText text = PrometheusText.parse(SCRAPE);

    @Test
    void samplesAreReadWithTheirNamesLabelsAndValues() {
        assertThat(text.samples()).hasSize(7);
        assertThat(text.value(
                        "http_server_requests_seconds_bucket", Map.of("status", "404", "le", "0.5", "method", "GET")))
                .isEqualTo(3.0);
        assertThat(text.value("taskflow_outbox_pending_events", Map.of())).isZero();
        assertThat(text.value("taskflow_consumer_lag_records", Map.of("consumer", "audit")))
                .isNaN();
        assertThat(text.samples("http_server_requests_seconds_bucket", Map.of("le", "+Inf")))
                .singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("uri", "/tasks/{id}"));
    }

    @Test
    void labelSubsetsSelectAndSumSamples() {
        assertThat(text.sum("http_server_requests_seconds_count", Map.of())).isEqualTo(6.0);
        assertThat(text.sum("http_server_requests_seconds_count", Map.of("method", "POST")))
                .isEqualTo(2.0);
        assertThat(text.sum("http_server_requests_seconds_count", Map.of("method", "PUT")))
                .isZero();
        assertThat(text.names())
                .containsExactly(
                        "http_server_requests_seconds_bucket",
                        "http_server_requests_seconds_count",
                        "odd_label",
                        "taskflow_consumer_lag_records",
                        "taskflow_outbox_pending_events");
    }

    @Test
    void escapedLabelValuesAreUnescaped() {
        var sample = text.samples("odd_label", Map.of()).get(0);

        assertThat(sample.labels()).containsEntry("text", "a \"quoted\" word, a \\ and a\nnew line");
        assertThat(sample.value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aLineThatIsNoSampleIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{le=\"0.5} 1\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PrometheusText.parse("no_value\n")).hasMessageContaining("line 1");
    }

    @Test
    void aValueAskedOfSeveralSamplesIsAnError() {
        assertThatThrownBy(() -> text.value("http_server_requests_seconds_count", Map.of()))
                .hasMessageContaining("2 samples");
    }
}
