package io.taskflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart, linted and rendered by real Helm for every values file; the rendered objects are what a cluster
 * would receive, and each is checked for what running Taskflow safely needs.
 */
class HelmChartTest {
    private static final Map<String, RenderedChart> RENDERED = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void render() {
        for (String env : RenderedChart.ENVIRONMENTS) {
            RENDERED.put(env, RenderedChart.render(env));
        }
    }

    static Stream<RenderedChart> environments() {
        return RENDERED.values().stream();
    }

    @Test
    void helmLintFindsNothingEvenInStrictMode() {
        var result = RenderedChart.helm().lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void thereIsAValuesFileForEveryEnvironment() {
        for (String env : List.of("dev", "staging", "prod")) {
            assertThat(RenderedChart.valuesFile(env)).exists();
        }
        assertThat(RepoFiles.path(RenderedChart.CHART + "/values.schema.json")).exists();
    }

    @Test
    void theValuesSchemaRefusesAnUnpinnedImageAndAnUnknownSetting() {
        assertThatThrownBy(() -> RenderedChart.helm()
                        .template()
                        .withName("taskflow")
                        .set("image.tag", "latest")
                        .call())
                .hasMessageContaining("image.tag");
        assertThatThrownBy(() -> RenderedChart.helm()
                        .template()
                        .withName("taskflow")
                        .set("api.replicas", 3)
                        .call())
                .hasMessageContaining("replicas");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyProcessRunsAsItsOwnDeploymentWithItsDaprSidecarAndConsumers(RenderedChart chart) {
        var appIds = new TreeSet<String>();
        for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
            String component = RenderedChart.component(deployment);
            Map<String, Object> annotations = Yamls.mapAt(deployment, "spec.template.metadata.annotations");
            assertThat(annotations)
                    .containsEntry("dapr.io/enabled", "true")
                    .containsEntry("dapr.io/app-id", Contract.appId(component))
                    .containsEntry("dapr.io/app-port", Contract.APP_PORT)
                    .containsEntry("dapr.io/enable-metrics", "true")
                    .containsKey("dapr.io/config");
            String config = annotations.get("dapr.io/config").toString();
            chart.named("Configuration", config);
            appIds.add(annotations.get("dapr.io/app-id").toString());

            Map<String, Object> container = onlyContainer(deployment);
            Map<String, String> env = env(container);
            assertThat(env).containsEntry("TASKFLOW_CONSUMERS", component.equals("api") ? "none" : component);
            assertThat(Yamls.text(container, "image")).doesNotEndWith(":latest").matches(".+:.+");
        }
        assertThat(appIds).isEqualTo(Contract.appIds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyContainerHasProbesLimitsAndARestrictedNonRootReadOnlySecurityContext(RenderedChart chart) {
        for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
            String name = Yamls.text(deployment, "metadata.name");
            Map<String, Object> pod = Yamls.mapAt(deployment, "spec.template.spec");
            assertThat(Yamls.at(pod, "securityContext.runAsNonRoot")).as(name).isEqualTo(true);
            assertThat((Integer) Yamls.at(pod, "securityContext.runAsUser"))
                    .as(name)
                    .isPositive();
            assertThat(Yamls.text(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
            Map<String, Object> c = onlyContainer(deployment);
            assertThat(Yamls.text(c, "livenessProbe.httpGet.path")).as(name).isEqualTo("/health/liveness");
            assertThat(Yamls.text(c, "readinessProbe.httpGet.path")).as(name).isEqualTo("/health/readiness");
            assertThat(Yamls.at(c, "startupProbe")).as(name).isNotNull();
            for (String bound : List.of("requests", "limits")) {
                assertThat(Yamls.mapAt(c, "resources." + bound))
                        .as(name + " " + bound)
                        .containsKeys("cpu", "memory");
            }
            assertThat(Yamls.at(c, "securityContext.readOnlyRootFilesystem"))
                    .as(name)
                    .isEqualTo(true);
            assertThat(Yamls.at(c, "securityContext.allowPrivilegeEscalation"))
                    .as(name)
                    .isEqualTo(false);
            assertThat(Yamls.listAt(c, "securityContext.capabilities.drop"))
                    .as(name)
                    .containsExactly("ALL");
            assertThat(Yamls.listAt(c, "volumeMounts"))
                    .anySatisfy(m -> assertThat(Yamls.text(m, "mountPath")).isEqualTo("/tmp"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void noSecretValueIsRenderedSecretsAreOnlyReferenced(RenderedChart chart) {
        assertThat(chart.ofKind("Secret"))
                .as("Secrets come from outside the chart")
                .isEmpty();
        for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
            for (Object entry : Yamls.listAt(onlyContainer(deployment), "env")) {
                String name = Yamls.text(entry, "name");
                if (name.matches(".*(PASSWORD|SECRET|_KEY|TOKEN).*")) {
                    assertThat(Yamls.at(entry, "value"))
                            .as(name + " has a literal value")
                            .isNull();
                    assertThat(Contract.SECRETS).contains(Yamls.text(entry, "valueFrom.secretKeyRef.name"));
                    assertThat(Yamls.text(entry, "valueFrom.secretKeyRef.key"))
                            .isEqualTo(Yamls.text(entry, "valueFrom.secretKeyRef.name"));
                }
            }
        }
        for (Map<String, Object> configMap : chart.ofKind("ConfigMap")) {
            assertThat(Yamls.mapAt(configMap, "data").keySet())
                    .noneMatch(k -> k.matches(".*(PASSWORD|SECRET|_KEY|TOKEN).*"));
        }
        DaprResources dapr = new DaprResources(chart.objects);
        assertThat(dapr.literalSecretValues()).isEmpty();
        assertThat(dapr.secretReferences())
                .allSatisfy(ref -> assertThat(Contract.SECRETS).contains(ref.secret()));
        for (Map<String, Object> external : chart.ofKind("ExternalSecret")) {
            assertThat(Contract.SECRETS).contains(Yamls.text(external, "spec.target.name"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theApplicationIsGivenOnlyVariablesItReads(RenderedChart chart) {
        Set<String> known = AppEnvironment.known();
        var given = new TreeSet<String>();
        chart.ofKind("ConfigMap")
                .forEach(cm -> given.addAll(Yamls.mapAt(cm, "data").keySet()));
        for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
            given.addAll(env(onlyContainer(deployment)).keySet());
            assertThat(Yamls.listAt(onlyContainer(deployment), "envFrom")).isNotEmpty();
        }
        assertThat(given)
                .allSatisfy(v -> assertThat(AppEnvironment.isKnown(v, known))
                        .as("%s is given to the application, which does not read it", v)
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theDaprResourcesAreTheContractsWithTheKubernetesSecretStore(RenderedChart chart) {
        DaprResources dapr = new DaprResources(chart.objects);
        DaprResources local = DaprResources.local();
        assertThat(dapr.componentNames()).containsExactlyInAnyOrderElementsOf(Contract.components());
        assertThat(dapr.resiliencyNames()).containsExactly(Contract.RESILIENCY);
        assertThat(dapr.type(Contract.SECRET_STORE)).isEqualTo("secretstores.kubernetes");
        for (String name : Contract.components()) {
            assertThat(Contract.appIds()).containsAll(dapr.scopes(name));
            if (!name.equals(Contract.SECRET_STORE)) {
                assertThat(dapr.type(name)).as(name).isEqualTo(local.type(name));
            }
        }
        // The same schedules as the compose stack's bindings.
        for (String binding : Contract.CRON_BINDINGS) {
            assertThat(dapr.metadata(binding).get("schedule"))
                    .as(binding)
                    .isEqualTo(local.metadata(binding).get("schedule"));
        }
        dapr.checkResiliencyTargets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void trafficIsDeniedByDefaultAndOnlyWhatTaskflowNeedsIsAllowed(RenderedChart chart) {
        List<Map<String, Object>> policies = chart.ofKind("NetworkPolicy");
        Map<String, Object> deny = chart.named("NetworkPolicy", "taskflow-default-deny");
        assertThat(Yamls.listAt(deny, "spec.policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(Yamls.at(deny, "spec.ingress")).isNull();
        assertThat(Yamls.at(deny, "spec.egress")).isNull();
        assertThat(Yamls.mapAt(deny, "spec.podSelector.matchLabels"))
                .containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE);
        var allowedPorts = new TreeSet<Integer>();
        for (Map<String, Object> policy : policies) {
            for (String direction : List.of("spec.ingress", "spec.egress")) {
                for (Object rule : Yamls.listAt(policy, direction)) {
                    Yamls.listAt(rule, "ports").forEach(p -> allowedPorts.add((Integer) Yamls.at(p, "port")));
                }
            }
        }
        // HTTP and metrics in; DNS, PostgreSQL, Kafka, OTLP, the API server, SMTP and Dapr out.
        assertThat(allowedPorts).contains(8080, 9090, 53, 5432, 9092, 4318, 443, 587, 50002);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void disruptionBudgetsAndAutoscalersCoverTheDeploymentsTheEnvironmentScales(RenderedChart chart) {
        var deployments = new TreeSet<String>();
        chart.ofKind("Deployment").forEach(d -> deployments.add(Yamls.text(d, "metadata.name")));
        var pdbTargets = new TreeSet<String>();
        for (Map<String, Object> pdb : chart.ofKind("PodDisruptionBudget")) {
            pdbTargets.add(
                    "taskflow-" + Yamls.mapAt(pdb, "spec.selector.matchLabels").get("app.kubernetes.io/component"));
        }
        var scaled = new TreeSet<String>();
        chart.ofKind("HorizontalPodAutoscaler").forEach(h -> scaled.add(Yamls.text(h, "spec.scaleTargetRef.name")));
        var keda = new TreeSet<String>();
        for (Map<String, Object> so : chart.ofKind("ScaledObject")) {
            keda.add(Yamls.text(so, "spec.scaleTargetRef.name"));
            Map<String, Object> trigger =
                    Yamls.map(Yamls.listAt(so, "spec.triggers").get(0));
            assertThat(trigger.get("type")).isEqualTo("kafka");
            String consumer = RenderedChart.component(so);
            assertThat(Yamls.text(trigger, "metadata.consumerGroup")).isEqualTo(Contract.appId(consumer));
            assertThat((Integer) Yamls.at(so, "spec.maxReplicaCount")).isLessThanOrEqualTo(3);
        }
        assertThat(deployments).containsAll(scaled).containsAll(keda);
        assertThat(scaled).as("KEDA and an HPA never both scale one Deployment").noneMatch(keda::contains);
        for (Map<String, Object> d : chart.ofKind("Deployment")) {
            boolean autoscaled =
                    scaled.contains(Yamls.text(d, "metadata.name")) || keda.contains(Yamls.text(d, "metadata.name"));
            assertThat(Yamls.at(d, "spec.replicas") == null)
                    .as("replicas left to the autoscaler")
                    .isEqualTo(autoscaled);
        }
        switch (chart.environment) {
            case "dev" -> {
                assertThat(pdbTargets).isEmpty();
                assertThat(scaled).isEmpty();
                assertThat(keda).isEmpty();
            }
            case "staging", "prod" -> {
                assertThat(pdbTargets).isEqualTo(deployments);
                assertThat(scaled).contains("taskflow-api");
                var stateful = new TreeSet<String>();
                Contract.STATEFUL_CONSUMERS.forEach(c -> stateful.add("taskflow-" + c));
                assertThat(keda).isEqualTo(stateful);
            }
            default -> {
                assertThat(pdbTargets).isEqualTo(deployments);
                assertThat(scaled).containsExactly("taskflow-api");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theApiIsServedOverTlsAndTheServiceAccountMayOnlyReadTaskflowsSecrets(RenderedChart chart) {
        Map<String, Object> ingress = chart.named("Ingress", "taskflow");
        Object tls = Yamls.listAt(ingress, "spec.tls").get(0);
        String host = Yamls.text(Yamls.listAt(ingress, "spec.rules").get(0), "host");
        assertThat(Yamls.listAt(tls, "hosts")).containsExactly(host);
        assertThat(Yamls.text(tls, "secretName")).isNotBlank();
        var backends = new ArrayList<String>();
        for (Object path : Yamls.listAt(Yamls.listAt(ingress, "spec.rules").get(0), "http.paths")) {
            String service = Yamls.text(path, "backend.service.name");
            chart.named("Service", service);
            backends.add(Yamls.text(path, "path") + " " + service);
        }
        assertThat(backends).containsExactly("/ws taskflow-livefeed", "/ taskflow-api");

        assertThat(chart.ofKind("ServiceAccount")).hasSize(1);
        assertThat(chart.ofKind("ClusterRole")).isEmpty();
        for (Map<String, Object> role : chart.ofKind("Role")) {
            for (Object rule : Yamls.listAt(role, "rules")) {
                assertThat(Yamls.listAt(rule, "verbs")).containsExactly("get");
                assertThat(Yamls.listAt(rule, "resources")).containsExactly("secrets");
                assertThat(Yamls.listAt(rule, "resourceNames")).containsExactlyInAnyOrderElementsOf(Contract.SECRETS);
            }
        }
        for (Map<String, Object> d : chart.ofKind("Deployment")) {
            assertThat(Yamls.text(d, "spec.template.spec.serviceAccountName"))
                    .isEqualTo(Yamls.text(chart.ofKind("ServiceAccount").get(0), "metadata.name"));
        }
    }

    private static Map<String, Object> onlyContainer(Map<String, Object> deployment) {
        List<Object> containers = Yamls.listAt(deployment, "spec.template.spec.containers");
        assertThat(containers).hasSize(1);
        return Yamls.map(containers.get(0));
    }

    private static Map<String, String> env(Map<String, Object> container) {
        var env = new java.util.LinkedHashMap<String, String>();
        for (Object entry : Yamls.listAt(container, "env")) {
            Object value = Yamls.at(entry, "value");
            env.put(Yamls.text(entry, "name"), value == null ? null : value.toString());
        }
        return env;
    }
}
