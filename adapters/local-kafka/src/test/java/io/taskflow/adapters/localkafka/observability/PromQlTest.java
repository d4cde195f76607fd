package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromQlTest {

    static Stream<Arguments> expressions() {
        return Stream.of(
                names("up", "up"),
                names(
                        "rate(http_server_requests_seconds_count{job=\"taskflow\",uri!~\"/health.*\"}[5m])",
                        "http_server_requests_seconds_count"),
                names("histogram_quantile(0.95, sum by (le, uri) (rate(x_bucket[$__rate_interval])))", "x_bucket"),
                names("sum(rate(a_total[5m])) by (type) / ignoring(type) group_left sum(b)", "a_total", "b"),
                names("a * on (instance) group_left (version) build_info", "a", "build_info"),
                names("a{label=\"rate(b[5m]) and c\", other='d{e}'}", "a"),
                names("a offset 5m > bool 1e3 and on() vector(0)", "a"),
                names(
                        "taskflow:slo_burn_rate:1h > 14.4 and taskflow:slo_burn_rate:5m > 14.4",
                        "taskflow:slo_burn_rate:1h",
                        "taskflow:slo_burn_rate:5m"),
                names("{__name__=\"up\", job=\"taskflow\"}", "up"),
                names("{\"http.server.requests\", status=~\"5..\"}", "http.server.requests"),
                names("max_over_time(rate(c_total[5m])[1h:1m])", "c_total"),
                names("sum without (instance) (d) unless e", "d", "e"),
                names("0x1f + .5 + 1.5e-3 + Inf + NaN"),
                names("sum by (sum, rate, le) (f)", "f"),
                names("topk(5, g) or bottomk(3, h) or count_values('v', i)", "g", "h", "i"),
                names("j{instance=~\"$instance\", pod=~\"${pod:regex}\"} @ end()", "j"),
                names(
                        "max by (consumer) (taskflow_dead_letters_pending{job=\"taskflow\"}) > 0",
                        "taskflow_dead_letters_pending"),
                names("sum(jvm_memory_max_bytes{area=\"heap\"} > 0) / quantile(0.9, k)", "jvm_memory_max_bytes", "k"),
                names("label_replace(l, \"dst\", \"$1\", \"src\", \"(.*)\")", "l"),
                names("SUM BY (le) (m) OR N", "m", "N"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void findsTheMetricNamesAndNothingElse(String expr, List<String> expected) {
        assertThat(PromQl.metricNames(expr)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Arguments names(String expr, String... expected) {
        return Arguments.of(expr, List.of(expected));
    }
}
