package io.taskflow.adapters.localkafka.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.adapters.localkafka.testing.TopicReader;
import io.taskflow.functions.consumer.RetryPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Webhook targets that are slow (seconds per call) or failing (500): the failing one is retried with backoff and its
 * event dead-lettered after the limit, and meanwhile another consumer (audit) keeps its latency, because each
 * consumer polls on a thread of its own and a webhook call blocks only the notifications consumer.
 */
@DisabledIfSystemProperty(named = "taskflow.it.db", matches = "h2", disabledReason = FaultProperties.POSTGRES_ONLY)
class WebhookFaultIT {
    static final Duration SLOW = Duration.ofSeconds(3);

    static HttpServer targets;
    static final List<Long> failingCalls = new CopyOnWriteArrayList<>();
    static final AtomicInteger slowInFlight = new AtomicInteger();
    static final AtomicInteger slowAnswered = new AtomicInteger();
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() throws IOException {
        targets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        targets.setExecutor(Executors.newCachedThreadPool());
        targets.createContext("/slow", exchange -> {
            slowInFlight.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            LockSupport.parkNanos(SLOW.toNanos()); // the target under test is slow: that is its behaviour
            slowInFlight.decrementAndGet();
            slowAnswered.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        targets.createContext("/failing", exchange -> {
            failingCalls.add(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        targets.start();
        var properties = FaultProperties.inJvm();
        properties.put("taskflow.consumers.retry.initial-backoff", "300ms");
        properties.put("taskflow.consumers.retry.max-backoff", "2s");
        // Loopback targets: the SSRF check of webhook URLs lets private addresses through only when told to.
        properties.put("taskflow.webhook.allow-private", true);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        server.close();
        targets.stop(0);
    }

    @Test
    void aFailingTargetIsRetriedWithBackoffAndDeadLetteredWhileASlowOneDelaysNoOtherConsumer() throws Exception {
        User slowUser = webhookUser("/slow");
        User failingUser = webhookUser("/failing");
        User other = api.newUser();
        RetryPolicy policy = server.getApplicationContext().getBean(RetryPolicy.class);

        try (var dlq = new TopicReader(TestStack.get().broker().bootstrapServers(), "taskflow.dlq.notifications")) {
            for (int i = 0; i < 3; i++) {
                api.createTask(slowUser, "slow target " + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> slowInFlight.get() > 0);
            String failing = api.createTask(failingUser, "failing target").text("id");

            // Audit keeps its pace while notifications waits on the slow target.
            var latencies = new ArrayList<Duration>();
            for (int i = 0; i < 5; i++) {
                long sent = System.nanoTime();
                String id = api.createTask(other, "audited while webhooks are slow " + i)
                        .text("id");
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> audited(id));
                latencies.add(Duration.ofNanos(System.nanoTime() - sent));
            }
            assertThat(slowAnswered.get())
                    .as("the slow calls were still going on while audit was measured")
                    .isLessThan(3);
            assertThat(latencies)
                    .as("audit latency")
                    .allSatisfy(l -> assertThat(l).isLessThan(SLOW));

            var letter = await("the failing target's event is dead-lettered")
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> dlq.poll().stream()
                                    .filter(r -> failing.equals(r.key()))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(letter.header("taskflow_dlq_consumer")).isEqualTo("notifications");
            assertThat(letter.header("taskflow_dlq_attempts")).isEqualTo(Integer.toString(policy.maxAttempts()));
            assertThat(letter.header("taskflow_dlq_error")).contains("HTTP 500");

            assertThat(failingCalls.size())
                    .as("calls to the failing target")
                    .isGreaterThanOrEqualTo(policy.maxAttempts());
            Duration spread = Duration.ofNanos(failingCalls.get(failingCalls.size() - 1) - failingCalls.get(0));
            Duration leastBackoff = Duration.ZERO;
            for (int attempt = 1; attempt < policy.maxAttempts(); attempt++) {
                leastBackoff = leastBackoff.plus(policy.ceiling(attempt).dividedBy(2));
            }
            assertThat(spread).as("the retries waited their backoff").isGreaterThanOrEqualTo(leastBackoff);
            await().atMost(Duration.ofSeconds(30)).until(() -> slowAnswered.get() == 3);
        }
    }

    private static User webhookUser(String path) {
        User user = api.newUser();
        var prefs = api.send(
                "PUT",
                "/me/preferences",
                user.token(),
                "{\"events\":[\"task.created\"],\"channels\":[\"webhook\"],\"webhook\":{\"url\":\"http://127.0.0.1:"
                        + targets.getAddress().getPort() + path + "\"}}");
        assertThat(prefs.status()).as(prefs.body()).isEqualTo(200);
        return user;
    }

    private static boolean audited(String taskId) throws SQLException {
        try (Connection c = TestStack.get().openDatabase();
                var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE subject = ?")) {
            ps.setObject(1, UUID.fromString(taskId));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
