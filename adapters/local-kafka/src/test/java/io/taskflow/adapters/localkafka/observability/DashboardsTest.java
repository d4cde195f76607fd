package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The Grafana dashboards and their provisioning under local/grafana. */
class DashboardsTest {
    /** Panels that show no data of their own. */
    private static final Set<String> LAYOUT_PANELS = Set.of("row", "text");

    @Test
    void theThreeDashboardsAreThere() {
        assertThat(Dashboards.files())
                .extracting(f -> f.getFileName().toString())
                .contains("service-overview.json", "events-and-consumers.json", "business.json");
    }

    @Test
    void everyDashboardParsesAndHasItsOwnUidAndATitle() {
        var uids = new ArrayList<Object>();
        for (var dashboard : Dashboards.all()) {
            assertThat((String) dashboard.json().get("title"))
                    .as(dashboard.file())
                    .isNotBlank();
            String uid = (String) dashboard.json().get("uid");
            assertThat(uid).as(dashboard.file()).isNotBlank().hasSizeLessThanOrEqualTo(40);
            uids.add(uid);
        }
        assertThat(uids).doesNotHaveDuplicates();
    }

    @Test
    void everyPanelHasAQueryOnTheProvisionedPrometheus() {
        String datasource = provisionedDatasourceUid();
        for (var dashboard : Dashboards.all()) {
            var panels = dashboard.panels();
            assertThat(panels).as(dashboard.file()).isNotEmpty();
            for (Map<String, Object> panel : panels) {
                if (LAYOUT_PANELS.contains(panel.get("type"))) {
                    continue;
                }
                String where = dashboard.file() + " / " + panel.get("title");
                assertThat((String) panel.get("title")).as(where).isNotBlank();
                var targets = RepoFiles.maps(panel.get("targets"));
                assertThat(targets).as(where).isNotEmpty();
                for (Map<String, Object> target : targets) {
                    assertThat((String) target.get("expr")).as(where).isNotBlank();
                    Object uid = RepoFiles.map(target.getOrDefault("datasource", panel.get("datasource")))
                            .get("uid");
                    assertThat(uid).as(where).isEqualTo(datasource);
                }
            }
        }
    }

    @Test
    void panelIdsAreUniqueWithinADashboard() {
        for (var dashboard : Dashboards.all()) {
            assertThat(dashboard.panels())
                    .as(dashboard.file())
                    .extracting(p -> p.get("id"))
                    .doesNotContainNull()
                    .doesNotHaveDuplicates();
        }
    }

    /** promtool parses every query as Prometheus would, once Grafana's variables are replaced by sample values. */
    @Test
    void everyQueryIsValidPromQl(@TempDir Path dir) throws IOException {
        var rules = new ArrayList<Map<String, Object>>();
        for (var dashboard : Dashboards.all()) {
            for (String expr : dashboard.expressions()) {
                rules.add(Map.of("record", "dashboard:query:" + rules.size(), "expr", withSampleVariables(expr)));
            }
        }
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, new Yaml().dump(Map.of("groups", List.of(Map.of("name", "q", "rules", rules)))));
        var result = Promtool.run(dir, "check", "rules", file.getFileName().toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void grafanaLoadsTheDashboardsFromAFileProvider() {
        Map<String, Object> providers = RepoFiles.yaml("local/grafana/provisioning/dashboards/taskflow.yml");
        var provider = RepoFiles.maps(providers.get("providers")).get(0);
        assertThat(provider).containsEntry("type", "file");
        assertThat(RepoFiles.map(provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
    }

    static String withSampleVariables(String expr) {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__interval", "1m")
                .replace("$__range", "1h")
                .replaceAll("\\$\\{[^}]*}", ".*")
                .replaceAll("\\$[A-Za-z_]\\w*", ".*");
    }

    private static String provisionedDatasourceUid() {
        Map<String, Object> provisioning = RepoFiles.yaml("local/grafana/provisioning/datasources/prometheus.yml");
        var datasource = RepoFiles.maps(provisioning.get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        return (String) datasource.get("uid");
    }
}
