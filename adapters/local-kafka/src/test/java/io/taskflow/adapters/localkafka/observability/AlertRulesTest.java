package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Prometheus rules and configuration under local/prometheus, judged by promtool and by what on-call needs. */
class AlertRulesTest {
    private static final Path PROMETHEUS = RepoFiles.path("local/prometheus");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");

    @Test
    void promtoolAcceptsTheRules() {
        assertSucceeds(Promtool.run(PROMETHEUS, "check", "rules", "alerts.yml"));
    }

    @Test
    void theRulesPassTheirPromtoolUnitTests() {
        assertSucceeds(Promtool.run(PROMETHEUS, "test", "rules", "alerts.test.yml"));
    }

    @Test
    void promtoolAcceptsThePrometheusConfigurationAndFindsItsRuleFiles() {
        assertSucceeds(Promtool.run(PROMETHEUS, "check", "config", "prometheus.yml"));
    }

    @Test
    void prometheusScrapesTheApplicationAndSendsAlertsToAlertmanager() {
        Map<String, Object> config = RepoFiles.yaml("local/prometheus/prometheus.yml");
        var job = RepoFiles.maps(config.get("scrape_configs")).get(0);
        assertThat(job)
                .containsEntry("job_name", "taskflow")
                .containsEntry("metrics_path", "/prometheus")
                .containsEntry("scrape_interval", "15s");
        // One target per application process of the compose stack; deploy-tests' ComposeStackTest matches them to
        // the stack's services.
        assertThat(String.valueOf(
                        RepoFiles.maps(job.get("static_configs")).get(0).get("targets")))
                .contains("api:8080");
        var alerting = RepoFiles.maps(RepoFiles.map(config.get("alerting")).get("alertmanagers"));
        assertThat(RepoFiles.maps(alerting.get(0).get("static_configs")).get(0).get("targets"))
                .isEqualTo(List.of("alertmanager:9093"));
        assertThat(config.get("rule_files")).isEqualTo(List.of("alerts.yml"));
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndARunbookThatExists() {
        var alerts = PrometheusRules.alerts();
        assertThat(alerts).isNotEmpty();
        for (var alert : alerts) {
            assertThat(alert.labels().get("severity")).as(alert.alert()).isIn(SEVERITIES);
            assertThat(alert.annotations().get("summary")).as(alert.alert()).isNotBlank();
            assertThat(alert.annotations().get("description")).as(alert.alert()).isNotBlank();
            String runbook = alert.annotations().get("runbook_url");
            assertThat(runbook).as(alert.alert()).isEqualTo("docs/runbooks/" + alert.alert() + ".md");
            Path page = RepoFiles.path(runbook);
            assertThat(page).as(alert.alert()).isRegularFile();
            assertThat(firstLine(page)).as(runbook).isEqualTo("# " + alert.alert());
        }
    }

    @Test
    void theRunbookIndexListsEveryAlert() {
        String index = RepoFiles.read("docs/runbooks/README.md");
        PrometheusRules.alertNames().forEach(name -> assertThat(index).contains("(" + name + ".md)"));
    }

    @Test
    void everyAlertAtEverySeverityIsTestedFiringAndEveryAlertIsTestedQuiet() {
        Map<String, Object> tests = RepoFiles.yaml(PrometheusRules.ALERT_TESTS);
        assertThat(tests.get("rule_files")).isEqualTo(List.of("alerts.yml"));

        var firing = new TreeMap<String, Set<String>>();
        var quiet = new TreeSet<String>();
        for (Map<String, Object> test : RepoFiles.maps(tests.get("tests"))) {
            for (Map<String, Object> check : RepoFiles.maps(test.get("alert_rule_test"))) {
                String name = (String) check.get("alertname");
                var expected = RepoFiles.maps(check.get("exp_alerts"));
                if (expected.isEmpty()) {
                    quiet.add(name);
                }
                for (Map<String, Object> alert : expected) {
                    Object severity = RepoFiles.map(alert.get("exp_labels")).get("severity");
                    firing.computeIfAbsent(name, n -> new HashSet<>()).add(String.valueOf(severity));
                }
            }
        }

        var defined = new TreeMap<String, Set<String>>();
        PrometheusRules.alerts()
                .forEach(alert -> defined.computeIfAbsent(alert.alert(), n -> new HashSet<>())
                        .add(alert.labels().get("severity")));
        // A quiet case of a misspelt alert name would pass without testing anything.
        assertThat(defined.keySet()).containsAll(firing.keySet()).containsAll(quiet);
        assertThat(firing).as("alerts and the severities a test sees firing").isEqualTo(defined);
        assertThat(quiet).as("alerts with a case where they stay quiet").isEqualTo(defined.keySet());
    }

    private static void assertSucceeds(Promtool.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
