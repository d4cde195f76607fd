package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Alerts and dashboards name only metrics the application exposes: the list in observability/expected-metrics.txt
 * (one name per line), or series that the recording rules make from them.
 */
class MetricNamesTest {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    static Set<String> expectedMetrics() {
        try (InputStream in = MetricNamesTest.class.getResourceAsStream("/observability/expected-metrics.txt")) {
            var names = new TreeSet<String>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theExpectedListHoldsPrometheusNamesOnceEach() throws IOException {
        try (InputStream in = MetricNamesTest.class.getResourceAsStream("/observability/expected-metrics.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            assertThat(lines)
                    .doesNotHaveDuplicates()
                    .allMatch(l -> METRIC_NAME.matcher(l).matches());
        }
    }

    @Test
    void everyMetricThatARuleOrADashboardNamesIsExposedOrRecorded() {
        Set<String> known = new TreeSet<>(expectedMetrics());
        known.addAll(PrometheusRules.recordedNames());

        Map<String, String> unknown = new TreeMap<>();
        for (var rule : PrometheusRules.load(PrometheusRules.ALERTS)) {
            PromQl.metricNames(rule.expr()).stream()
                    .filter(name -> !known.contains(name))
                    .forEach(name -> unknown.put(name, "rule " + rule.name()));
        }
        for (var dashboard : Dashboards.all()) {
            for (String expr : dashboard.expressions()) {
                PromQl.metricNames(expr).stream()
                        .filter(name -> !known.contains(name))
                        .forEach(name -> unknown.put(name, dashboard.file() + ": " + expr));
            }
        }
        assertThat(unknown).as("metrics named but neither exposed nor recorded").isEmpty();
    }

    /** Recording rules build on exposed metrics (or earlier records), never on a name nobody exposes. */
    @Test
    void recordingRulesAreMadeOfExposedMetrics() {
        Set<String> known = new TreeSet<>(expectedMetrics());
        for (var rule : PrometheusRules.load(PrometheusRules.ALERTS)) {
            if (!rule.isAlert()) {
                assertThat(known).as(rule.record()).containsAll(PromQl.metricNames(rule.expr()));
                known.add(rule.record());
            }
        }
    }

    @Test
    void everyTaskflowMetricIsOnADashboard() {
        var shown = new TreeSet<String>();
        Dashboards.all().forEach(d -> d.expressions().forEach(e -> shown.addAll(PromQl.metricNames(e))));
        var families = new TreeSet<String>();
        shown.forEach(name -> families.add(family(name)));
        expectedMetrics().stream()
                .filter(name -> name.startsWith("taskflow_"))
                .forEach(name -> assertThat(families).as(name).contains(family(name)));
    }

    /** A histogram's _bucket, _count and _sum are one family. */
    private static String family(String name) {
        return name.replaceAll("_(bucket|count|sum)$", "");
    }
}
