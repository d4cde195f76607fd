package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * local/alertmanager/alertmanager.yml, read as data: no amtool here, so the routing promises are checked by hand.
 */
class AlertmanagerConfigTest {
    private static final String FILE = "local/alertmanager/alertmanager.yml";
    private final Map<String, Object> config = RepoFiles.yaml(FILE);

    @Test
    void everyRouteEndsAtAReceiverThatExistsAndThereIsADefault() {
        var route = RepoFiles.map(config.get("route"));
        assertThat(route.get("receiver")).as("default receiver").isNotNull();
        var named = new TreeSet<String>();
        RepoFiles.maps(config.get("receivers")).forEach(r -> named.add((String) r.get("name")));
        assertThat(named).containsAll(receiversOf(route));
    }

    @Test
    void criticalAlertsAndWarningsTakeTheirOwnRoutes() {
        var routes = RepoFiles.maps(RepoFiles.map(config.get("route")).get("routes"));
        var matchers = new ArrayList<Object>();
        routes.forEach(r -> matchers.addAll(RepoFiles.<Object>list(r.get("matchers"))));
        assertThat(matchers).contains("severity=\"critical\"", "severity=\"warning\"");
        assertThat(routes).extracting(r -> r.get("receiver")).doesNotHaveDuplicates();
    }

    @Test
    void aCriticalAlertSilencesTheWarningOfTheSameAlert() {
        var inhibit = RepoFiles.maps(config.get("inhibit_rules"));
        assertThat(inhibit).anySatisfy(rule -> {
            assertThat(rule.get("source_matchers")).isEqualTo(List.of("severity=\"critical\""));
            assertThat(rule.get("target_matchers")).isEqualTo(List.of("severity=\"warning\""));
            assertThat(RepoFiles.<Object>list(rule.get("equal"))).contains("alertname");
        });
    }

    @Test
    void receiversAreWebhooksWithoutCredentials() {
        for (Map<String, Object> receiver : RepoFiles.maps(config.get("receivers"))) {
            var hooks = RepoFiles.maps(receiver.get("webhook_configs"));
            assertThat(hooks).as((String) receiver.get("name")).isNotEmpty();
            hooks.forEach(hook -> assertThat(hook).containsOnlyKeys("url", "send_resolved"));
        }
        assertThat(RepoFiles.read(FILE).toLowerCase())
                .doesNotContain("password")
                .doesNotContain("bearer_token")
                .doesNotContain("api_key")
                .doesNotContain("@"); // no user:password@host in a URL
    }

    /** Every severity the rules use has a route, so no alert falls through to the default by accident. */
    @Test
    void everySeverityOfTheRulesHasARoute() {
        var severities = new TreeSet<String>();
        PrometheusRules.alerts().forEach(a -> severities.add(a.labels().get("severity")));
        var routes = RepoFiles.maps(RepoFiles.map(config.get("route")).get("routes"));
        Set<Object> matchers = new TreeSet<>();
        routes.forEach(r -> matchers.addAll(RepoFiles.<Object>list(r.get("matchers"))));
        severities.forEach(s -> assertThat(matchers).contains("severity=\"" + s + "\""));
    }

    private static List<String> receiversOf(Map<String, Object> route) {
        var receivers = new ArrayList<String>();
        if (route.get("receiver") != null) {
            receivers.add((String) route.get("receiver"));
        }
        RepoFiles.maps(route.get("routes")).forEach(child -> receivers.addAll(receiversOf(child)));
        return receivers;
    }
}
