package io.taskflow.adapters.localkafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.testsupport.FreePorts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * PostgreSQL going away under load, on the application's own database only: its connections terminated with {@code
 * pg_terminate_backend}, and the server "stopped and started" by cutting and restoring a {@link TcpProxy} between the
 * application and PostgreSQL (the machine's server is shared, so it is never restarted). Requests answer 503
 * problem+json meanwhile, readiness goes down and comes back, consumers wait instead of dead-lettering, and nothing is
 * lost or done twice; the application is never restarted.
 */
@DisabledIfSystemProperty(named = "taskflow.it.db", matches = "h2", disabledReason = FaultProperties.POSTGRES_ONLY)
class DatabaseOutageFaultIT {
    static final String APPLICATION_NAME = "taskflow-faults-proxied";

    static TcpProxy proxy;
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        proxy = new TcpProxy(FreePorts.free(), "127.0.0.1", 5432).restore();
        var properties = FaultProperties.inJvm();
        String direct = (String) properties.get("datasources.default.url");
        properties.put(
                "datasources.default.url",
                direct.replace(":5432/", ":" + proxy.port() + "/") + "?ApplicationName=" + APPLICATION_NAME);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        server.close();
        proxy.close();
    }

    @Test
    void connectionsTerminatedUnderLoadCostAtMostA503AndLoseNothing() throws Exception {
        List<User> users = IntStream.range(0, 4).mapToObj(i -> api.newUser()).toList();
        try (var topics = topics();
                var load = new LoadDriver(server.getURI(), users, true, Integer.MAX_VALUE)) {
            load.start();
            for (int round = 0; round < 3; round++) {
                int before = load.accepted().size();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> load.accepted().size() >= before + 20);
                assertThat(terminateApplicationConnections())
                        .as("the application had connections to terminate")
                        .isPositive();
            }
            int after = load.accepted().size();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= after + 20);
            load.stop();

            assertOnly503ProblemsIn(load);
            new FaultLedger(TestStack.get()::openDatabase, users, topics).check(load, Duration.ofMinutes(2));
        }
    }

    @Test
    void whileTheServerIsAwayRequestsAnswer503ReadinessGoesDownAndBothComeBackWithoutARestart() throws Exception {
        List<User> users = IntStream.range(0, 4).mapToObj(i -> api.newUser()).toList();
        var consumers = server.getApplicationContext().getBean(ConsumerRegistry.class);
        String audit = consumerReading(consumers, "taskflow.redrive.audit");
        try (var topics = topics();
                var load = new LoadDriver(server.getURI(), users, true, Integer.MAX_VALUE)) {
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= 20);
            // Audit falls behind, so that it meets the outage with events to handle.
            consumers.pause(audit);
            int paused = load.accepted().size();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= paused + 20);

            proxy.cut();
            consumers.resume(audit);
            await("readiness reads DOWN while the database is away")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> readinessStatus() == 503);
            int failedBefore = load.failures().size();
            await("requests keep being answered, with 503")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> load.failures().size() >= failedBefore + 10);
            // More failures than a retry window allows: had they been counted as attempts, audit would dead-letter.
            double retriesBefore = auditRetries();
            await("audit met the outage more often than its retry limit")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> auditRetries() >= retriesBefore + FaultProperties.MAX_ATTEMPTS + 1);

            proxy.restore();
            await("readiness back UP without a restart")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> readinessStatus() == 200);
            int back = load.accepted().size();
            await("writes accepted again")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> load.accepted().size() >= back + 20);
            load.stop();

            assertOnly503ProblemsIn(load);
            assertThat(load.failures())
                    .as("requests refused while the database was away")
                    .isNotEmpty();
            // Every event, those audit met during the outage included, audited once: none was dead-lettered.
            new FaultLedger(TestStack.get()::openDatabase, users, topics).check(load, Duration.ofMinutes(2));
        }
    }

    private static void assertOnly503ProblemsIn(LoadDriver load) {
        assertThat(load.failures())
                .as("a failed request is a 503 problem without a stack trace, never a 500")
                .allSatisfy(f -> {
                    assertThat(f.status()).as(f.toString()).isEqualTo(503);
                    assertThat(f.contentType()).startsWith("application/problem+json");
                    assertThat(f.body())
                            .contains("\"type\":\"/problems/unavailable\"")
                            .doesNotContain("Exception")
                            .doesNotContain("\tat ");
                });
    }

    private static int terminateApplicationConnections() throws SQLException {
        try (Connection c = TestStack.get().openDatabase();
                var ps = c.prepareStatement("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, APPLICATION_NAME);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static double auditRetries() {
        return server
                .getApplicationContext()
                .getBean(MeterRegistry.class)
                .find("taskflow.events.consumed")
                .tags("consumer", "audit", "outcome", "retry")
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static int readinessStatus() {
        return api.send("GET", "/health/readiness", null, null).status();
    }

    private static String consumerReading(ConsumerRegistry consumers, String topic) {
        return consumers.getConsumerIds().stream()
                .filter(id -> consumers.getConsumerSubscription(id).contains(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no consumer reads " + topic));
    }

    private static TopicReader topics() {
        return new TopicReader(TestStack.get().broker().bootstrapServers(), "task.created", "task.updated");
    }
}
