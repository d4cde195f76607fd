package io.taskflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose stack agrees with itself, with the Dapr components of local/dapr, with the application's configuration
 * and with the naming contract: every name, port, topic and variable one file uses is the one the other defines.
 */
class ComposeStackTest {
    private final ComposeStack compose = new ComposeStack();
    private final DaprResources dapr = DaprResources.local();

    @Test
    void everyImageIsPinnedToAVersionAndOnlyTheApplicationIsBuilt() {
        assertThat(Yamls.text(compose.service("api"), "build.dockerfile")).isEqualTo("adapters/local-kafka/Dockerfile");
        assertThat(RepoFiles.path("adapters/local-kafka/Dockerfile")).exists();
        for (String name : compose.names()) {
            Map<String, Object> service = compose.service(name);
            String image = Yamls.text(service, "image");
            assertThat(image).as("%s has an image", name).isNotNull();
            if (image.equals("taskflow:local")) {
                // The application's image, built from its Dockerfile by the api service.
                assertThat(compose.appServices()).containsKey(name);
                continue;
            }
            assertThat(image).as("%s's image", name).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag)
                    .as("%s's tag", name)
                    .isNotIn("latest", "main", "master")
                    .matches(".*\\d.*");
        }
    }

    @Test
    void theStackRunsTheApiAndOneServicePerConsumerEachWithItsDaprSidecar() {
        Map<String, String> apps = compose.appServices();
        var expected = new LinkedHashMap<String, String>();
        expected.put("api", "none");
        Contract.CONSUMERS.forEach(c -> expected.put(c, c));
        assertThat(apps).containsExactlyInAnyOrderEntriesOf(expected);

        for (String app : apps.keySet()) {
            String sidecar = app + "-dapr";
            assertThat(compose.names()).as("sidecar of %s", app).contains(sidecar);
            assertThat(Yamls.text(compose.service(sidecar), "network_mode")).isEqualTo("service:" + app);
            Map<String, String> flags = compose.daprdFlags(sidecar);
            Map<String, String> env = compose.environment(app);
            assertThat(flags.get("app-id")).isEqualTo(Contract.appId(app));
            assertThat(flags.get("app-port"))
                    .isEqualTo(env.get("TASKFLOW_HTTP_PORT"))
                    .isEqualTo(Contract.APP_PORT);
            assertThat(flags.get("dapr-http-port"))
                    .isEqualTo(env.get("DAPR_HTTP_PORT"))
                    .isEqualTo(Contract.DAPR_HTTP_PORT);
            assertThat(flags.get("dapr-grpc-port"))
                    .isEqualTo(env.get("DAPR_GRPC_PORT"))
                    .isEqualTo(Contract.DAPR_GRPC_PORT);
            assertThat(flags.get("resources-path")).isEqualTo("/components");
            assertThat(Yamls.listAt(compose.service(sidecar), "volumes")).contains("./dapr:/components:ro");
            assertThat(flags.get("scheduler-host-address")).startsWith("dapr-scheduler:");
            assertThat(env.get("TASKFLOW_RUNTIME")).contains("dapr");
            assertThat(env.get("TASKFLOW_MODE")).isEqualTo("external");
        }
    }

    @Test
    void theApplicationIsGivenOnlyVariablesItReads() {
        Set<String> known = AppEnvironment.known();
        for (String app : compose.appServices().keySet()) {
            for (String variable : compose.environment(app).keySet()) {
                assertThat(AppEnvironment.isKnown(variable, known))
                        .as("%s is given %s, which the application does not read", app, variable)
                        .isTrue();
            }
        }
        assertThat(known).contains("TASKFLOW_DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "TASKFLOW_HTTP_PORT", "TASKFLOW_MODE");
    }

    @Test
    void theApplicationReachesTheDatabaseAndTheBrokerWhereTheStackRunsThem() {
        Map<String, String> env = compose.environment("api");
        Map<String, String> postgres = compose.environment("postgres");
        assertThat(env.get("TASKFLOW_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(env.get("TASKFLOW_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("TASKFLOW_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));

        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("PLAINTEXT://" + bootstrap);
        assertThat(dapr.metadata(Contract.PUBSUB).get("brokers")).isEqualTo(bootstrap);
        assertThat(Yamls.text(compose.service("kafka-ui"), "environment.KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS"))
                .isEqualTo(bootstrap);

        Map<String, String> state = dapr.metadata(Contract.STATE_STORE);
        assertThat(state.get("host") + ":" + state.get("port")).isEqualTo("postgres:5432");
        assertThat(state.get("database")).isEqualTo(postgres.get("POSTGRES_DB"));
        assertThat(state.get("user")).isEqualTo(postgres.get("POSTGRES_USER"));
    }

    @Test
    void kafkaInitCreatesEveryEventTopicAndEveryDeadLetterTopic() {
        String topics = compose.environment("kafka-init").get("TASKFLOW_TOPICS");
        assertThat(new TreeSet<>(Arrays.asList(topics.trim().split("\\s+"))))
                .containsExactlyInAnyOrderElementsOf(Contract.topics());
        assertThat(compose.environment("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))
                .isEqualTo("false");
        String script =
                Yamls.listAt(compose.service("kafka-init"), "command").get(0).toString();
        assertThat(script).contains("--partitions 3").contains("retention.ms=604800000");
    }

    @Test
    void theDaprComponentsAreTheContractsAndEveryAppTheyAreScopedToRuns() {
        assertThat(dapr.componentNames()).containsExactlyInAnyOrderElementsOf(Contract.components());
        assertThat(dapr.type(Contract.PUBSUB)).isEqualTo("pubsub.kafka");
        assertThat(dapr.type(Contract.STATE_STORE)).isEqualTo("state.postgresql");
        assertThat(dapr.type(Contract.SECRET_STORE)).isEqualTo("secretstores.local.file");
        Contract.CRON_BINDINGS.forEach(b -> assertThat(dapr.type(b)).isEqualTo("bindings.cron"));
        assertThat(dapr.resiliencyNames()).containsExactly(Contract.RESILIENCY);

        Set<String> running = new TreeSet<>();
        compose.appServices().keySet().forEach(app -> running.add(Contract.appId(app)));
        assertThat(running).isEqualTo(Contract.appIds());
        for (String component : dapr.componentNames()) {
            assertThat(running).as("apps %s is scoped to", component).containsAll(dapr.scopes(component));
        }
        Contract.CRON_BINDINGS.forEach(b -> assertThat(dapr.scopes(b)).containsExactly("taskflow-api"));
        dapr.checkResiliencyTargets();
    }

    @Test
    void theSecretStoreHoldsTheContractsSecretsWrittenFromTheEnvironmentAndComponentsReferToThem() {
        String file = dapr.metadata(Contract.SECRET_STORE).get("secretsFile");
        String writer =
                Yamls.listAt(compose.service("dapr-secrets"), "command").get(0).toString();
        assertThat(writer).contains("> " + file);
        Matcher keys = Pattern.compile("\"([a-z-]+)\":\"%s\"").matcher(writer);
        var written = new TreeSet<String>();
        while (keys.find()) {
            written.add(keys.group(1));
        }
        assertThat(written).isEqualTo(new TreeSet<>(Contract.SECRETS));
        String volume = file.substring(0, file.lastIndexOf('/'));
        for (String app : compose.appServices().keySet()) {
            assertThat(Yamls.listAt(compose.service(app + "-dapr"), "volumes"))
                    .contains("dapr-secrets:" + volume + ":ro");
        }
        assertThat(dapr.secretReferences()).isNotEmpty().allSatisfy(ref -> {
            assertThat(Contract.SECRETS).contains(ref.secret());
            assertThat(dapr.secretStoreOf(ref.component())).isEqualTo(Contract.SECRET_STORE);
        });
        assertThat(dapr.literalSecretValues()).isEmpty();
    }

    @Test
    void theCronBindingsRunOnTheApplicationsOwnSchedules() {
        Map<String, Object> defaults = RepoFiles.yaml(AppEnvironment.DEFAULTS_YML);
        assertThat(dapr.metadata("taskflow-cron-digest").get("schedule"))
                .isEqualTo(Yamls.text(defaults, "taskflow.digest.cron"));
        String jobs = RepoFiles.read(
                "adapters/local-kafka/src/main/java/io/taskflow/adapters/localkafka/schedule/ScheduledJobs.java");
        assertThat(jobs)
                .contains("${taskflow.cleanup.cron:"
                        + dapr.metadata("taskflow-cron-cleanup").get("schedule") + "}");
        String reminders = dapr.metadata("taskflow-cron-reminders").get("schedule");
        assertThat(jobs).contains("${taskflow.reminders.interval:" + reminders.replace("@every ", "") + "}");
        Contract.CRON_BINDINGS.forEach(
                b -> assertThat(dapr.metadata(b).get("direction")).isEqualTo("input"));
    }

    @Test
    void everyVariableTheFileInterpolatesIsDocumentedInTheExampleEnvironmentWhichHoldsNoSecret() {
        Map<String, String> example = envExample();
        assertThat(example.keySet()).containsAll(compose.interpolated());
        example.forEach((name, value) -> {
            if (name.matches(".*(PASSWORD|SECRET|KEY).*")) {
                assertThat(value).as("%s in .env.example", name).isEmpty();
            }
        });
        // Secrets are interpolated, never written: no literal value for a variable named like a secret.
        for (String service : compose.names()) {
            compose.environment(service).forEach((name, value) -> {
                if (name.matches(".*(PASSWORD|SECRET|_KEY).*")) {
                    assertThat(value).as("%s of %s", name, service).matches("(\\$\\{[A-Z_]+(:-)?}|)");
                }
            });
        }
        assertThat(RepoFiles.read(".gitignore")).contains("local/.env");
    }

    @Test
    void prometheusScrapesEveryApplicationProcessAndSidecarOnThePortsTheyServe() {
        Map<String, Object> prometheus = RepoFiles.yaml("local/prometheus/prometheus.yml");
        Map<String, List<String>> targets = new LinkedHashMap<>();
        for (Object job : Yamls.listAt(prometheus, "scrape_configs")) {
            var list = new ArrayList<String>();
            for (Object config : Yamls.listAt(job, "static_configs")) {
                Yamls.listAt(config, "targets").forEach(t -> list.add(t.toString()));
            }
            targets.put(Yamls.text(job, "job_name"), list);
            if ("taskflow".equals(Yamls.text(job, "job_name"))) {
                assertThat(Yamls.text(job, "metrics_path")).isEqualTo("/prometheus");
            }
        }
        var expectedApp = new ArrayList<String>();
        var expectedSidecars = new ArrayList<String>();
        for (String app : compose.appServices().keySet()) {
            expectedApp.add(app + ":" + compose.environment(app).get("TASKFLOW_HTTP_PORT"));
            expectedSidecars.add(app + ":" + compose.daprdFlags(app + "-dapr").get("metrics-port"));
        }
        assertThat(targets.get("taskflow")).containsExactlyInAnyOrderElementsOf(expectedApp);
        assertThat(targets.get("dapr")).containsExactlyInAnyOrderElementsOf(expectedSidecars);

        String alertmanager = Yamls.text(
                Yamls.listAt(Yamls.listAt(prometheus, "alerting.alertmanagers").get(0), "static_configs")
                        .get(0),
                "targets");
        assertThat(alertmanager).isEqualTo("[alertmanager:9093]");
        assertThat(compose.publishedPorts()).containsEntry(9093, "alertmanager");
        assertThat(Yamls.listAt(compose.service("prometheus"), "volumes"))
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro")
                .contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    @Test
    void grafanaIsProvisionedWithTheDashboardsAndDatasourcesThatPointAtTheStack() {
        assertThat(Yamls.listAt(compose.service("grafana"), "volumes"))
                .contains("./grafana/provisioning:/etc/grafana/provisioning:ro")
                .contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> provider = RepoFiles.yaml("local/grafana/provisioning/dashboards/taskflow.yml");
        assertThat(Yamls.text(Yamls.listAt(provider, "providers").get(0), "options.path"))
                .isEqualTo("/var/lib/grafana/dashboards");
        var urls = new ArrayList<String>();
        for (var file : RepoFiles.list("local/grafana/provisioning/datasources", ".yml")) {
            Map<String, Object> doc =
                    RepoFiles.yaml(RepoFiles.root().relativize(file).toString());
            Yamls.listAt(doc, "datasources").forEach(ds -> urls.add(Yamls.text(ds, "url")));
        }
        assertThat(urls).containsExactlyInAnyOrder("http://prometheus:9090", "http://loki:3100", "http://jaeger:16686");
        for (String url : urls) {
            assertThat(compose.names()).contains(url.replaceAll("http://([a-z-]+):.*", "$1"));
        }
    }

    @Test
    void everyWaitedForServiceHasAHealthCheckOrIsAOneShotJob() {
        for (String name : compose.names()) {
            Object dependsOn = Yamls.at(compose.service(name), "depends_on");
            if (dependsOn == null) {
                continue;
            }
            Yamls.map(dependsOn).forEach((target, how) -> {
                String condition = Yamls.text(how, "condition");
                assertThat(compose.names()).as("%s depends on %s", name, target).contains(target);
                if ("service_healthy".equals(condition)) {
                    assertThat(compose.service(target))
                            .as("%s's health check", target)
                            .containsKey("healthcheck");
                } else if ("service_completed_successfully".equals(condition)) {
                    assertThat(Yamls.text(compose.service(target), "restart")).isEqualTo("no");
                }
            });
        }
        for (String app : compose.appServices().keySet()) {
            assertThat(Yamls.text(compose.service(app), "healthcheck.test")).contains("/health/readiness");
        }
        assertThat(Yamls.text(compose.service("api"), "depends_on.postgres.condition"))
                .isEqualTo("service_healthy");
        assertThat(Yamls.text(compose.service("api"), "depends_on.kafka-init.condition"))
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void theReadmeListsEveryConsoleAndPortTheStackPublishes() {
        String readme = RepoFiles.read("README.md");
        int section = readme.indexOf("## Compose stack");
        assertThat(section).as("a Compose stack section in the README").isPositive();
        String text = readme.substring(section);
        compose.publishedPorts()
                .forEach((port, service) -> assertThat(text)
                        .as("README names %s's port %d", service, port)
                        .contains(String.valueOf(port))
                        .contains("`" + service + "`"));
        assertThat(text).contains("docker-compose -f local/docker-compose.yml");
    }

    private static Map<String, String> envExample() {
        var values = new LinkedHashMap<String, String>();
        for (String line : RepoFiles.read("local/.env.example").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return values;
    }
}
