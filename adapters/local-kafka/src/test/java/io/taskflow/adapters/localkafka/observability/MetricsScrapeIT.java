package io.taskflow.adapters.localkafka.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /prometheus} after real traffic — a user registers and logs in, chooses in-app notifications of
 * completions, creates, changes, completes and deletes tasks, and asks for a task that is not there — once the
 * consumers have handled the events: every metric the dashboards and alerts rely on is in the scrape with a value
 * that follows from that traffic. The counters of a fresh context start at zero; events left by earlier tests of the
 * same broker can only add to them, so counts are checked as lower bounds.
 */
class MetricsScrapeIT {
    static final String ADMIN_EMAIL = "metrics-admin-" + UUID.randomUUID() + "@example.com";
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The consumers that read in a shared group, and so have a lag and dead letters. */
    static final List<String> GROUP_CONSUMERS = List.of("analytics", "audit", "notifications", "recurrence");
    /** Events the traffic below causes, by type. */
    static final Map<String, Integer> CAUSED = Map.of(
            "user.registered", 2,
            "user.authenticated", 2,
            "task.created", 3,
            "task.updated", 1,
            "task.completed", 2,
            "task.deleted", 1);

    static EmbeddedServer server;
    static Api api;
    static Api.User admin;
    static Map<String, Long> deadLettersBefore;

    @BeforeAll
    static void serveTrafficAndLetTheConsumersCatchUp() {
        var properties = new HashMap<>(TestStack.get().properties());
        properties.put("taskflow.security.admin-emails", ADMIN_EMAIL);
        // Gauges re-read at every scrape of this test rather than every few seconds.
        properties.put("taskflow.metrics.refresh-interval", "100ms");
        properties.put("taskflow.metrics.dead-letters-refresh-interval", "100ms");
        properties.put("taskflow.metrics.consumer-lag-refresh-interval", "100ms");
        properties.put("taskflow.analytics.overdue-gauge-ttl", "0s");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));

        admin = api.newUser(ADMIN_EMAIL);
        // What earlier tests of this broker left unread (and perhaps dead-lettered) is settled before counting.
        awaitConsumersIdle();
        deadLettersBefore = deadLetterDepths();
        Api.User ada = api.newUser();
        var preferences = api.send(
                "PUT", "/me/preferences", ada.token(), "{\"events\":[\"task.completed\"],\"channels\":[\"in-app\"]}");
        assertThat(preferences.status()).as(preferences.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        for (int i = 0; i < CAUSED.get("task.created"); i++) {
            ids.add(api.createTask(ada, "measured " + i).text("id"));
        }
        expect(200, api.send("PATCH", "/tasks/" + ids.get(0), ada.token(), "{\"title\":\"measured again\"}"));
        expect(200, api.post("/tasks/" + ids.get(0) + "/complete", ada, null));
        expect(200, api.post("/tasks/" + ids.get(1) + "/complete", ada, null));
        expect(204, api.send("DELETE", "/tasks/" + ids.get(2), ada.token(), null));
        expect(404, api.get("/tasks/" + UUID.randomUUID(), ada));

        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText scrape = scrape();
            CAUSED.forEach((type, count) -> assertThat(consumed(scrape, "audit", type))
                    .as("audit " + type)
                    .isGreaterThanOrEqualTo(count));
            for (String type : List.of("task.created", "task.updated", "task.completed", "task.deleted")) {
                assertThat(consumed(scrape, "analytics", type))
                        .as("analytics " + type)
                        .isGreaterThanOrEqualTo(CAUSED.get(type));
            }
            assertThat(consumed(scrape, "notifications", "task.completed")).isGreaterThanOrEqualTo(2);
            assertThat(consumed(scrape, "recurrence", "task.completed")).isGreaterThanOrEqualTo(2);
            assertThat(scrape.sum("taskflow_notifications_sent_total", Map.of("channel", "in-app")))
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsAreAHistogramWithTheHalfSecondBucketByRouteAndStatus() {
        PrometheusText scrape = scrape();

        var created = Map.of("method", "POST", "uri", "/tasks", "status", "201");
        assertThat(scrape.sum("http_server_requests_seconds_count", created)).isGreaterThanOrEqualTo(3);
        assertThat(scrape.samples("http_server_requests_seconds_bucket", with(created, "le", "0.5")))
                .singleElement()
                .satisfies(bucket -> assertThat(bucket.value())
                        .isBetween(0.0, scrape.sum("http_server_requests_seconds_count", created)));
        assertThat(scrape.sum("http_server_requests_seconds_sum", created)).isPositive();
        // Micronaut labels every 404 with uri="NOT_FOUND", routed or not, so that probing unknown paths adds no series.
        var notFound = Map.of("method", "GET", "uri", "NOT_FOUND", "status", "404");
        assertThat(scrape.sum("http_server_requests_seconds_count", notFound))
                .as("%s", scrape.samples("http_server_requests_seconds_count", Map.of("status", "404")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.samples("http_server_requests_seconds_bucket", with(notFound, "le", "0.5")))
                .hasSize(1);
        assertThat(scrape.samples("http_server_requests_seconds_bucket", with(notFound, "le", "+Inf")))
                .singleElement()
                .satisfies(inf ->
                        assertThat(inf.value()).isEqualTo(scrape.sum("http_server_requests_seconds_count", notFound)));
    }

    @Test
    void everyEventTheTrafficCausedIsCountedAsPublishedUnderItsType() {
        PrometheusText scrape = scrape();

        CAUSED.forEach((type, count) -> assertThat(scrape.sum("taskflow_events_published_total", Map.of("type", type)))
                .as(type)
                .isGreaterThanOrEqualTo(count));
    }

    @Test
    void theOutboxGaugesReadTheBacklog() {
        PrometheusText scrape = scrape();

        assertThat(scrape.value("taskflow_outbox_pending_events", Map.of()))
                .isNotNaN()
                .isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("taskflow_outbox_oldest_pending_age_seconds", Map.of()))
                .isNotNaN()
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void consumersCountWhatTheyHandledAndTimeEachHandling() {
        PrometheusText scrape = scrape();

        CAUSED.forEach((type, count) ->
                assertThat(consumed(scrape, "audit", type)).as("audit " + type).isGreaterThanOrEqualTo(count));
        for (String consumer : GROUP_CONSUMERS) {
            var handled = Map.of("consumer", consumer, "type", "task.completed");
            assertThat(scrape.sum("taskflow_event_handler_duration_seconds_count", handled))
                    .as(consumer)
                    .isGreaterThanOrEqualTo(2);
            assertThat(scrape.sum("taskflow_event_handler_duration_seconds_sum", handled))
                    .as(consumer)
                    .isPositive();
            assertThat(scrape.samples("taskflow_event_handler_duration_seconds_bucket", handled))
                    .as(consumer)
                    .isNotEmpty();
        }
        assertThat(scrape.samples("taskflow_events_consumed_total", Map.of()))
                .allSatisfy(s -> assertThat(s.labels()).containsKeys("consumer", "type", "outcome"))
                .allSatisfy(s ->
                        assertThat(s.labels().get("outcome")).isIn("success", "duplicate", "retry", "dead_letter"));
    }

    @Test
    void everyGroupConsumerHasALagThatFallsToZeroOnceItIsIdle() {
        PrometheusText scrape = scrape();

        for (String consumer : GROUP_CONSUMERS) {
            assertThat(scrape.value("taskflow_consumer_lag_records", Map.of("consumer", consumer)))
                    .as(consumer)
                    .isNotNaN()
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat(scrape.samples("taskflow_consumer_lag_records", Map.of("consumer", "live-feed")))
                .as("the live feed reads in a group of its own per instance")
                .isEmpty();
        awaitConsumersIdle();
    }

    @Test
    void theTrafficLeftNoDeadLetters() {
        PrometheusText scrape = scrape();

        for (String consumer : GROUP_CONSUMERS) {
            assertThat(scrape.value("taskflow_dead_letters_pending", Map.of("consumer", consumer)))
                    .as(consumer + ": as many as before the traffic (none on a fresh broker)")
                    .isEqualTo(deadLettersBefore.getOrDefault(consumer, 0L).doubleValue());
        }
    }

    @Test
    void theBusinessMetricsCountTheTasksAndNotifications() {
        PrometheusText scrape = scrape();

        assertThat(scrape.value("taskflow_created_tasks_total", Map.of())).isGreaterThanOrEqualTo(3);
        assertThat(scrape.value("taskflow_completed_tasks_total", Map.of())).isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("taskflow_tasks_overdue", Map.of())).isNotNaN().isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("taskflow_task_completion_duration_seconds_count", Map.of()))
                .isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("taskflow_task_completion_duration_seconds_bucket", Map.of("le", "60.0")))
                .as("both tasks were completed within a minute of their creation")
                .isGreaterThanOrEqualTo(2);
        assertThat(scrape.sum("taskflow_notifications_sent_total", Map.of("channel", "in-app")))
                .isGreaterThanOrEqualTo(1);
    }

    /** The check that dashboards and alerts name only metrics the application exposes. */
    @Test
    void everyMetricTheRulesAndDashboardsMayNameIsInTheScrape() {
        // GC pause timings appear with the first collection the registry sees; ask for one rather than hope for it.
        System.gc();
        Set<String> exposed = scrape().names();

        Set<String> expected = new TreeSet<>(MetricNamesTest.expectedMetrics());
        expected.remove("up"); // written by Prometheus for each scrape, never by the application
        assertThat(exposed).containsAll(expected);
    }

    /** Every group consumer has committed all there is to read: a lag of 0 each. */
    private static void awaitConsumersIdle() {
        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText scrape = scrape();
            for (String consumer : GROUP_CONSUMERS) {
                assertThat(scrape.value("taskflow_consumer_lag_records", Map.of("consumer", consumer)))
                        .as(consumer)
                        .isZero();
            }
        });
    }

    private static PrometheusText scrape() {
        var response = api.send("GET", "/prometheus", null, null);
        assertThat(response.status()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private static double consumed(PrometheusText scrape, String consumer, String type) {
        return scrape.sum(
                "taskflow_events_consumed_total", Map.of("consumer", consumer, "type", type, "outcome", "success"));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var more = new HashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private static void expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private static Map<String, Long> deadLetterDepths() {
        var depths = api.get("/admin/dead-letters", admin);
        assertThat(depths.status()).as(depths.body()).isEqualTo(200);
        var byConsumer = new HashMap<String, Long>();
        depths.items()
                .forEach(d -> byConsumer.put((String) d.get("consumer"), ((Number) d.get("pending")).longValue()));
        return byConsumer;
    }
}
