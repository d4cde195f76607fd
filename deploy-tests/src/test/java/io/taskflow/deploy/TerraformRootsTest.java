package io.taskflow.deploy;

import static io.taskflow.testsupport.TerraformFiles.list;
import static io.taskflow.testsupport.TerraformFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskflow.testsupport.TerraformFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every cloud's Terraform root under {@code iac/terraform/} must do, whatever the cloud: parse, say what each
 * variable and output is for, hold no credential, and raise an alert under the name of every Prometheus alert rule, so
 * an operator finds the same alert and runbook on every target. Each cloud's own wiring is checked in its adapter.
 */
class TerraformRootsTest {
    /** The resource types that raise alerts, per cloud; a new root names its own here. */
    private static final Map<String, Set<String>> ALERT_RESOURCES = Map.of(
            "aws",
            Set.of("aws_cloudwatch_metric_alarm"),
            "gcp",
            Set.of("google_monitoring_alert_policy"),
            "azure",
            Set.of("azurerm_monitor_scheduled_query_rules_alert_v2", "azurerm_monitor_metric_alert"));

    static List<String> clouds() {
        return TerraformFiles.clouds();
    }

    @Test
    void everyCloudTheAdaptersTargetHasATerraformRoot() {
        assertThat(clouds()).containsAll(ALERT_RESOURCES.keySet());
    }

    @ParameterizedTest
    @MethodSource("clouds")
    void everyVariableAndOutputIsDescribed(String cloud) {
        TerraformFiles tf = TerraformFiles.of(cloud);

        assertThat(tf.undescribed()).isEmpty();
        assertThat(tf.root("variable")).isNotEmpty();
        assertThat(tf.root("output")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("clouds")
    void noCredentialIsWrittenInTheTerraform(String cloud) throws Exception {
        assertThat(TerraformFiles.of(cloud).literalCredentials()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("clouds")
    void theAlertsCoverEveryPrometheusAlertUnderItsName(String cloud) {
        assertThat(ALERT_RESOURCES).as("the alert resource types of " + cloud).containsKey(cloud);
        TerraformFiles tf = TerraformFiles.of(cloud);
        Set<String> alerts = new TreeSet<>();
        ALERT_RESOURCES
                .get(cloud)
                .forEach(type -> alerts.addAll(tf.resources(type).keySet()));
        Set<String> rules = prometheusAlerts();

        assertThat(rules).isNotEmpty();
        for (String rule : rules) {
            assertThat(alerts).as(rule).anyMatch(alert -> alert.equals(rule) || alert.startsWith(rule + "_"));
        }
        assertThat(alerts).allMatch(alert -> rules.stream().anyMatch(alert::startsWith));
    }

    @ParameterizedTest
    @MethodSource("clouds")
    void theTerraformIsInTerraformsOwnFormat(String cloud) throws Exception {
        Path terraform = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                                .filter(d -> !d.isBlank())
                                .map(d -> Path.of(d, "terraform")),
                        Stream.of(Path.of("/usr/local/bin/terraform")))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        // Formatting needs only the binary (no provider). A developer without one still gets every other check; CI
        // has it, and may not skip.
        if (terraform == null) {
            assertThat(System.getenv("CI")).as("CI needs the terraform binary").isNotEqualTo("true");
            Assumptions.abort("no terraform binary: the format is not checked");
        }
        Process fmt = new ProcessBuilder(terraform.toString(), "fmt", "-check", "-recursive", ".")
                .directory(TerraformFiles.of(cloud).root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(fmt.getInputStream().readAllBytes());
        assertThat(fmt.waitFor()).as(output).isZero();
    }

    private static Set<String> prometheusAlerts() {
        Set<String> names = new TreeSet<>();
        Map<String, Object> rules = RepoFiles.yaml("local/prometheus/alerts.yml");
        for (Object group : list(rules.get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                if (map(rule).get("alert") != null) {
                    names.add(map(rule).get("alert").toString());
                }
            }
        }
        return names;
    }
}
