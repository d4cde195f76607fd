package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.testsupport.FreePorts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probes over HTTP: readiness follows the database, the broker and the outbox, with details that say which and
 * why; liveness follows none of them, so an outage of a dependency takes instances out of service without restarting
 * them. The dependencies are made unreachable by pointing a second application at closed ports.
 */
class HealthIT {
    static final String SIGNING_SECRET = "integration-tests-signing-secret-0123456789abcdef";

    @Test
    void withEverythingReachableReadinessIsUpWithTheDatabaseBrokerAndOutboxInItsDetails() {
        try (EmbeddedServer server = start(Map.of())) {
            Api api = api(server);

            var readiness = api.send("GET", "/health/readiness", null, null);

            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.map()).containsEntry("status", "UP");
            assertThat(details(readiness))
                    .containsKeys("database", "broker", "outbox", "diskSpace", "gracefulShutdown")
                    .doesNotContainKeys("deadlockedThreads", "compositeDiscoveryClient()");
            assertThat(check(readiness, "database"))
                    .containsEntry("status", "UP")
                    .extractingByKey("details")
                    .asInstanceOf(MAP)
                    .containsEntry("database", TestStack.isH2() ? "H2" : "PostgreSQL");
            assertThat(check(readiness, "broker"))
                    .containsEntry("status", "UP")
                    .extractingByKey("details")
                    .asInstanceOf(MAP)
                    .containsEntry("nodes", 1)
                    .containsKey("clusterId");
            assertThat(check(readiness, "outbox"))
                    .containsEntry("status", "UP")
                    .extractingByKey("details")
                    .asInstanceOf(MAP)
                    .containsKeys("pending", "oldestAgeSeconds")
                    .containsEntry("maxAgeSeconds", 300);

            var liveness = api.send("GET", "/health/liveness", null, null);
            assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
            assertThat(liveness.map()).containsEntry("status", "UP");
            assertThat(details(liveness)).containsOnlyKeys("deadlockedThreads");

            var all = api.send("GET", "/health", null, null);
            assertThat(all.status()).isEqualTo(200);
            assertThat(details(all)).containsKeys("database", "broker", "outbox");
            for (var body : new String[] {readiness.body(), liveness.body(), all.body()}) {
                assertThat(body)
                        .as("no URL, user or secret in the details")
                        .doesNotContain(SIGNING_SECRET)
                        .doesNotContain("jdbc:")
                        .doesNotContainIgnoringCase("password")
                        .doesNotContain(TestStack.get().broker().bootstrapServers());
            }
        }
    }

    @Test
    void withTheBrokerAwayReadinessIsDownForTheBrokerAloneLivenessStaysUpAndAScrapeStillAnswers() {
        try (EmbeddedServer server = start(Map.of("kafka.bootstrap.servers", closedPort()))) {
            Api api = api(server);

            var readiness = api.send("GET", "/health/readiness", null, null);

            assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
            assertThat(readiness.map()).containsEntry("status", "DOWN");
            assertThat(check(readiness, "broker"))
                    .containsEntry("status", "DOWN")
                    .extractingByKey("details")
                    .asInstanceOf(MAP)
                    .containsKey("error");
            assertThat(check(readiness, "database")).containsEntry("status", "UP");

            var liveness = api.send("GET", "/health/liveness", null, null);
            assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
            assertThat(liveness.map()).containsEntry("status", "UP");

            long started = System.nanoTime();
            var scrape = api.send("GET", "/prometheus", null, null);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("within Prometheus' default scrape timeout, or the instance would look down")
                    .isLessThan(Duration.ofSeconds(10));
            var metrics = PrometheusText.parse(scrape.body());
            for (String consumer : MetricsScrapeIT.GROUP_CONSUMERS) {
                assertThat(metrics.value("taskflow_consumer_lag_records", Map.of("consumer", consumer)))
                        .isNaN();
                assertThat(metrics.value("taskflow_dead_letters_pending", Map.of("consumer", consumer)))
                        .isNaN();
            }
        }
    }

    @Test
    void withTheDatabaseAwayReadinessIsDownForTheDatabaseAndTheOutboxAndLivenessStaysUp() {
        var away = new HashMap<String, Object>();
        // Nothing to talk to at all, so this application takes no part in the shared broker's consumer groups.
        away.put("kafka.bootstrap.servers", closedPort());
        away.put("datasources.default.url", "jdbc:postgresql://" + closedPort() + "/taskflow");
        away.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        away.put("datasources.default.initialization-fail-timeout", -1);
        away.put("datasources.default.connection-timeout", 1000);
        away.put("flyway.datasources.default.enabled", false);
        try (EmbeddedServer server = start(away)) {
            Api api = api(server);

            long started = System.nanoTime();
            var readiness = api.send("GET", "/health/readiness", null, null);

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("a probe does not wait for the pool's own timeout")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
            assertThat(check(readiness, "database"))
                    .containsEntry("status", "DOWN")
                    .extractingByKey("details")
                    .asInstanceOf(MAP)
                    .containsKey("error");
            assertThat(check(readiness, "outbox")).containsEntry("status", "DOWN");

            var liveness = api.send("GET", "/health/liveness", null, null);
            assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
            assertThat(liveness.map()).containsEntry("status", "UP");
        }
    }

    private static EmbeddedServer start(Map<String, Object> overrides) {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.putAll(overrides);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static Api api(EmbeddedServer server) {
        return new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    private static String closedPort() {
        return "127.0.0.1:" + FreePorts.free();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Api.Response health) {
        return (Map<String, Object>) health.map().get("details");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(Api.Response health, String name) {
        Object check = details(health).get(name);
        assertThat(check).as(name + " in " + health.body()).isNotNull();
        return (Map<String, Object>) check;
    }
}
