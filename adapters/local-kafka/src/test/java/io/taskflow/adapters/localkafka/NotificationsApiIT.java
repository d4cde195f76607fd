package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.ReminderTriggered;
import io.taskflow.core.port.Transactions;
import io.taskflow.functions.notification.NotificationsConsumer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Notification preferences and the in-app list over real HTTP, against the real database of the run. */
class NotificationsApiIT {
    static EmbeddedServer server;
    static Api api;

    @BeforeAll
    static void start() {
        server = TestStack.get().startApp();
        api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUserWhoNeverSavedPreferencesReadsTheDefaults() {
        var prefs = api.get("/me/preferences", api.newUser());

        assertThat(prefs.status()).isEqualTo(200);
        assertThat(prefs.map())
                .containsEntry("events", List.of("reminder.triggered"))
                .containsEntry("channels", List.of("email", "in-app"))
                .containsEntry("quietHours", null)
                .containsEntry("webhook", null)
                .containsEntry("digest", false);
    }

    @Test
    void savedPreferencesAreReadBackAndTheWebhookSecretIsMadeOnce() {
        User ada = api.newUser();
        var saved = put(
                ada,
                "{\"events\":[\"task.completed\",\"reminder.triggered\"],\"channels\":[\"webhook\",\"in-app\"],"
                        + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timeZone\":\"Europe/Berlin\"},"
                        + "\"webhook\":{\"url\":\"https://hooks.example.com/ada\"},\"digest\":true}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String secret = webhook(saved).get("secret");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        var read = api.get("/me/preferences", ada);
        assertThat(read.map()).isEqualTo(saved.map());
        assertThat(read.map())
                .containsEntry("events", List.of("task.completed", "reminder.triggered"))
                .containsEntry("channels", List.of("webhook", "in-app"))
                .containsEntry("quietHours", Map.of("start", "22:00", "end", "07:00", "timeZone", "Europe/Berlin"))
                .containsEntry("digest", true);

        var moved = put(ada, "{\"channels\":[\"webhook\"],\"webhook\":{\"url\":\"https://other.example.com/ada\"}}");
        assertThat(webhook(moved))
                .containsEntry("url", "https://other.example.com/ada")
                .containsEntry("secret", secret);
        assertThat(moved.map()).containsEntry("quietHours", null).containsEntry("digest", false);

        put(ada, "{}");
        var again = put(ada, "{\"webhook\":{\"url\":\"https://hooks.example.com/ada\"}}");
        assertThat(webhook(again).get("secret")).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(webhook(api.get("/me/preferences", api.newUser()).map()))
                .as("another user has no webhook")
                .isNull();
    }

    static Stream<Arguments> badPreferences() {
        return Stream.of(
                Arguments.of("unknown field", "{\"sms\":true}", "/problems/malformed-request", null),
                Arguments.of(
                        "secret given by the caller",
                        "{\"webhook\":{\"url\":\"https://x.example.com\",\"secret\":\"whsec_x\"}}",
                        "/problems/malformed-request",
                        null),
                Arguments.of("not json", "{events:", "/problems/malformed-request", null),
                Arguments.of(
                        "event that notifies no one",
                        "{\"events\":[\"user.registered\"]}",
                        "/problems/invalid-input",
                        "events[0]"),
                Arguments.of("unknown channel", "{\"channels\":[\"sms\"]}", "/problems/invalid-input", "channels[0]"),
                Arguments.of(
                        "webhook without url",
                        "{\"channels\":[\"webhook\"]}",
                        "/problems/invalid-input",
                        "webhook.url"),
                Arguments.of(
                        "webhook url not http",
                        "{\"webhook\":{\"url\":\"file:///etc/passwd\"}}",
                        "/problems/invalid-input",
                        "webhook.url"),
                Arguments.of(
                        "unknown time zone",
                        "{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"timeZone\":\"Mars/Base\"}}",
                        "/problems/invalid-input",
                        "quietHours.timeZone"),
                Arguments.of(
                        "time not HH:mm",
                        "{\"quietHours\":{\"start\":\"10pm\",\"end\":\"07:00\",\"timeZone\":\"UTC\"}}",
                        "/problems/invalid-input",
                        "quietHours.start"),
                Arguments.of("digest not boolean", "{\"digest\":1}", "/problems/invalid-input", "digest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPreferences")
    void badPreferencesGetA400ProblemAndChangeNothing(String name, String body, String type, String field) {
        User ada = api.newUser();
        var before = put(ada, "{\"events\":[\"task.created\"],\"digest\":true}");

        var refused = put(ada, body);

        assertProblem(refused, 400, type);
        if (field != null) {
            assertThat(refused.map().get("errors").toString()).contains("field=" + field);
        }
        assertThat(api.get("/me/preferences", ada).map()).isEqualTo(before.map());
    }

    @Test
    void theInAppListIsTheCallersOwnNewestFirstAndANotificationCanBeMarkedRead() {
        User ada = api.newUser();
        User eve = api.newUser();
        notify(ada, "Pay the rent");
        notify(ada, "Water the plants");
        notify(eve, "Eve's own");

        var all = api.get("/notifications", ada);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.items()).extracting(n -> n.get("title")).containsExactly("Water the plants", "Pay the rent");
        assertThat(all.items().get(0))
                .containsEntry("type", "reminder.triggered")
                .containsEntry("readAt", null)
                .containsKeys("id", "causeEventId", "taskId", "message", "createdAt");
        String newest = (String) all.items().get(0).get("id");

        var firstPage = api.get("/notifications?limit=1", ada);
        assertThat(firstPage.items()).hasSize(1);
        var secondPage = api.get("/notifications?limit=1&cursor=" + firstPage.text("nextCursor"), ada);
        assertThat(secondPage.items()).extracting(n -> n.get("title")).containsExactly("Pay the rent");
        assertThat(secondPage.map()).containsEntry("nextCursor", null);

        assertProblem(api.post("/notifications/" + newest + "/read", eve, null), 404, "/problems/not-found");
        assertThat(api.post("/notifications/" + newest + "/read", ada, null).status())
                .isEqualTo(204);
        assertThat(api.post("/notifications/" + newest + "/read", ada, null).status())
                .as("marking read again")
                .isEqualTo(204);

        assertThat(api.get("/notifications?unread=true", ada).items())
                .extracting(n -> n.get("title"))
                .containsExactly("Pay the rent");
        assertThat(api.get("/notifications?unread=false&limit=1000", ada).items())
                .first()
                .satisfies(n -> assertThat(n.get("readAt")).isNotNull());
        assertThat(api.get("/notifications", eve).items())
                .extracting(n -> n.get("title"))
                .containsExactly("Eve's own");
    }

    @Test
    void badListAndReadRequestsGetA400() {
        User ada = api.newUser();

        assertProblem(api.get("/notifications?unread=maybe", ada), 400, "/problems/invalid-input");
        assertProblem(api.get("/notifications?limit=0", ada), 400, "/problems/invalid-input");
        assertProblem(api.get("/notifications?limit=ten", ada), 400, "/problems/invalid-input");
        assertProblem(api.get("/notifications?cursor=bm9wZQ", ada), 400, "/problems/invalid-input");
        assertProblem(api.post("/notifications/not-a-uuid/read", ada, null), 400, "/problems/invalid-input");
        assertProblem(api.post("/notifications/" + UUID.randomUUID() + "/read", ada, null), 404, "/problems/not-found");
    }

    @Test
    void withoutATokenEveryNotificationCallIs401() {
        assertProblem(api.send("GET", "/me/preferences", null, null), 401, "/problems/unauthorized");
        assertProblem(api.send("PUT", "/me/preferences", null, "{}"), 401, "/problems/unauthorized");
        assertProblem(api.send("GET", "/notifications", null, null), 401, "/problems/unauthorized");
        assertProblem(
                api.send("POST", "/notifications/" + UUID.randomUUID() + "/read", null, null),
                401,
                "/problems/unauthorized");
    }

    @Test
    void theScheduleRunsTheDigestOfTheDayForSubscribers() throws Exception {
        User ada = api.newUser();
        put(ada, "{\"digest\":true}");
        api.post("/tasks", ada, "{\"title\":\"overdue\",\"dueAt\":\"2020-01-01T09:00:00Z\"}");
        var props = new java.util.HashMap<>(TestStack.get().properties());
        props.put("taskflow.digest.cron", "* * * * * *");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        try (var scheduled = io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, props)) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(digestOutcome(ada, today))
                            .as("no SMTP server in this run: claimed, then skipped")
                            .isEqualTo("skipped"));
        }
    }

    private static String digestOutcome(User user, LocalDate day) throws SQLException {
        try (Connection c = TestStack.get().openDatabase();
                var ps = c.prepareStatement("SELECT outcome FROM digests WHERE user_id = ? AND digest_day = ?")) {
            ps.setObject(1, user.id());
            ps.setObject(2, day);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Feeds a reminder of the user's to the notifications consumer, as the broker would. */
    private static void notify(User user, String title) {
        var context = server.getApplicationContext();
        var consumer = context.getBean(NotificationsConsumer.class);
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var event = new ReminderTriggered(UUID.randomUUID(), at, user.id(), UUID.randomUUID(), 1, at, title);
        var envelope = new EventEnvelope(
                event.eventId().toString(),
                "/taskflow/test",
                event.type().typeName(),
                event.aggregateId().toString(),
                at,
                event.type().dataSchema(1),
                event.aggregateId().toString(),
                null,
                null,
                null,
                new byte[0]);
        context.getBean(Transactions.class).inTransaction(() -> {
            consumer.handle(event, envelope);
            return null;
        });
        consumer.afterCommit(event, envelope);
    }

    private static Api.Response put(User user, String body) {
        return api.send("PUT", "/me/preferences", user.token(), body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> webhook(Api.Response r) {
        return webhook(r.map());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> webhook(Map<String, Object> prefs) {
        return (Map<String, String>) prefs.get("webhook");
    }

    private static void assertProblem(Api.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.map()).containsEntry("type", type).containsEntry("status", status);
    }
}
