package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.AdminTokens;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.ConsumerFeed;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.core.event.DomainEvent;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.event.TaskCompleted;
import io.taskflow.core.event.TaskCreated;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.functions.analytics.AnalyticsConsumer;
import io.taskflow.functions.audit.AuditConsumer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit trail and the analytics over real HTTP, on the run's database. The consumers are fed the outbox rows the
 * API wrote (and made-up events for past days) through the shared consumer processor, as a broker trigger would.
 */
class AuditAnalyticsApiIT {
    static EmbeddedServer server;
    static Api api;
    static ConsumerFeed feed;
    static AuditConsumer audit;
    static AnalyticsConsumer analytics;
    static String adminToken;

    @BeforeAll
    static void start() {
        // The listeners would race the test's own feed (each event type has its own topic, so their order varies).
        server = TestStack.get().startAppWithoutConsumers();
        var context = server.getApplicationContext();
        api = new Api(server.getURI(), context.getBean(JsonMapper.class));
        feed = new ConsumerFeed(context);
        audit = context.getBean(AuditConsumer.class);
        analytics = context.getBean(AnalyticsConsumer.class);
        adminToken = AdminTokens.admin(context);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- GET /audit

    @Test
    void aUserReadsTheAuditTrailOfTheirTaskAndOfTheirAccountOldestFirst() throws SQLException {
        User ada = api.newUser();
        String task = api.createTask(ada, "audited").text("id");
        api.send("PATCH", "/tasks/" + task, ada.token(), "{\"title\":\"audited twice\"}");
        api.post("/tasks/" + task + "/complete", ada, null);
        feedAudit(task, ada.id());

        var trail = api.get("/audit?subject=" + task, ada);

        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        List<Map<String, Object>> items = trail.items();
        assertThat(items)
                .extracting(i -> i.get("type"))
                .containsExactly("task.created", "task.updated", "task.completed");
        assertThat(items).allSatisfy(i -> {
            assertThat(i).containsKeys("seq", "eventId", "occurredAt", "recordedAt", "prevHash", "hash");
            assertThat((String) i.get("hash")).matches("[0-9a-f]{64}");
            assertThat(i.get("subject")).isEqualTo(task);
            assertThat(i.get("userId")).isEqualTo(ada.id().toString());
            assertThat(i.get("data")).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) i.get("data")).get("taskId")).isEqualTo(task);
        });
        assertThat(((Map<?, ?>) items.get(1).get("data")).get("title")).isEqualTo("audited twice");
        assertThat(items)
                .extracting(i -> ((Number) i.get("seq")).longValue())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(trail.map()).containsEntry("nextCursor", null);

        assertThat(api.get("/audit?subject=" + ada.id(), ada).items())
                .extracting(i -> i.get("type"))
                .containsExactly("user.registered", "user.authenticated");
    }

    @Test
    void aRedeliveredEventAppearsOnceAndTheTrailPagesWithACursor() throws SQLException {
        User ada = api.newUser();
        String task = api.createTask(ada, "paged").text("id");
        for (int i = 1; i <= 4; i++) {
            api.send("PATCH", "/tasks/" + task, ada.token(), "{\"title\":\"paged " + i + "\"}");
        }
        feedAudit(task);
        feedAudit(task);

        var first = api.get("/audit?subject=" + task + "&limit=3", ada);
        String cursor = first.text("nextCursor");
        var second = api.get("/audit?subject=" + task + "&limit=3&cursor=" + cursor, ada);

        assertThat(first.items()).hasSize(3);
        assertThat(cursor).isNotNull();
        assertThat(second.items()).hasSize(2);
        assertThat(second.map()).containsEntry("nextCursor", null);
        assertThat(Stream.concat(first.items().stream(), second.items().stream())
                        .map(i -> i.get("eventId"))
                        .distinct())
                .hasSize(5);
    }

    @Test
    void anotherUsersTaskOrAccountGivesAnEmptyTrailNotTheirEntries() throws SQLException {
        User ada = api.newUser();
        User eve = api.newUser();
        String task = api.createTask(ada, "private").text("id");
        feedAudit(task, ada.id());

        for (String subject :
                List.of(task, ada.id().toString(), UUID.randomUUID().toString())) {
            var r = api.get("/audit?subject=" + subject, eve);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.items()).isEmpty();
        }
    }

    static Stream<Arguments> badAuditRequests() {
        return Stream.of(
                Arguments.of("no subject", "/audit", "subject"),
                Arguments.of("empty subject", "/audit?subject=", "subject"),
                Arguments.of("subject not a UUID", "/audit?subject=task-1", "subject"),
                Arguments.of("limit zero", "/audit?subject=" + UUID.randomUUID() + "&limit=0", "limit"),
                Arguments.of("limit above the cap", "/audit?subject=" + UUID.randomUUID() + "&limit=201", "limit"),
                Arguments.of("limit not a number", "/audit?subject=" + UUID.randomUUID() + "&limit=ten", "limit"),
                Arguments.of("foreign cursor", "/audit?subject=" + UUID.randomUUID() + "&cursor=abc", "cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuditRequests")
    void badAuditQueriesAre400sNamingTheParameter(String name, String path, String field) {
        var r = api.get(path, api.newUser());

        assertProblem(r, 400, "/problems/invalid-input");
        assertThat(r.text("detail")).startsWith(field);
    }

    @Test
    void theAuditTrailNeedsAToken() {
        assertProblem(
                api.send("GET", "/audit?subject=" + UUID.randomUUID(), null, null), 401, "/problems/unauthorized");
    }

    // ---- append-only, verification and tampering

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncateOnTheAuditLog() throws SQLException {
        User ada = api.newUser();
        feedAudit(ada.id());

        try (Connection c = TestStack.get().openDatabase()) {
            for (String sql : List.of(
                    "UPDATE audit_log SET data = '{}'",
                    "DELETE FROM audit_log WHERE user_id = '" + ada.id() + "'",
                    "TRUNCATE TABLE audit_log")) {
                assertThatThrownBy(() -> c.createStatement().executeUpdate(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(api.get("/audit?subject=" + ada.id(), ada).items()).hasSize(2);
        assertThat(verify().map()).containsEntry("ok", true);
    }

    @Test
    void theDatabaseRefusesToTruncateTheTrail() throws SQLException {
        feedAudit(api.newUser().id());
        try (Connection c = TestStack.get().openDatabase()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("TRUNCATE TABLE audit_log"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        if (!TestStack.isH2()) {
                            // PostgreSQL's trigger names the table and the statement; H2 refuses through the guard
                            // table's foreign key (its trigger messages are checked by the functions tests).
                            assertThat(e.getMessage()).contains("audit_log is append-only: TRUNCATE");
                            assertThat(e.getSQLState()).isEqualTo("42501");
                        }
                    });
        }
        assertThat(verify().map()).containsEntry("ok", true);
    }

    @Test
    void anEntryChangedBehindTheTriggersBackIsFoundByTheVerifierAtItsSequenceNumber() throws SQLException {
        User ada = api.newUser();
        feedAudit(ada.id());
        var entries = api.get("/audit?subject=" + ada.id(), ada).items();
        long seq = ((Number) entries.get(0).get("seq")).longValue();
        assertThat(verify().map()).containsEntry("ok", true);

        String original;
        try (Connection c = TestStack.get().openDatabase()) {
            original = dataOf(c, seq);
            withoutTheTrigger(c, () -> change(c, seq, original.replace(ada.email(), "mallory@example.com")));
        }
        try {
            var broken = verify();
            assertThat(broken.status()).isEqualTo(200);
            assertThat(broken.map())
                    .containsEntry("ok", false)
                    .containsEntry("brokenAt", (int) seq)
                    .containsEntry("entries", null);
            assertThat(broken.text("reason")).contains("hash does not match");
        } finally {
            try (Connection c = TestStack.get().openDatabase()) {
                withoutTheTrigger(c, () -> change(c, seq, original));
            }
        }
        assertThat(verify().map()).containsEntry("ok", true);
        try (Connection c = TestStack.get().openDatabase()) {
            assertThatThrownBy(() -> change(c, seq, original))
                    .as("the trigger is back")
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void onlyAdministratorsMayVerifyTheChain() {
        assertProblem(api.get("/admin/audit/verify", api.newUser()), 403, "/problems/forbidden");
        assertProblem(api.send("GET", "/admin/audit/verify", null, null), 401, "/problems/unauthorized");

        var r = verify();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.map()).containsEntry("ok", true).containsEntry("brokenAt", null);
        assertThat(r.text("headHash")).matches("[0-9a-f]{64}");
    }

    // ---- GET /analytics/summary

    @Test
    void aUsersSummaryOfTheLastSevenDaysCountsTodaysTasks() throws SQLException {
        User ada = api.newUser();
        String first = api.createTask(ada, "one").text("id");
        String second = api.createTask(ada, "two").text("id");
        api.post("/tasks/" + first + "/complete", ada, null);
        feedAnalytics(first, second);
        feedAnalytics(first, second);

        var r = api.get("/analytics/summary", ada);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(r.map())
                .containsEntry("scope", "own")
                .containsEntry("from", today.minusDays(6).toString())
                .containsEntry("to", today.toString());
        List<Map<String, Object>> days = days(r);
        assertThat(days).hasSize(7);
        Map<String, Object> todays = numbers(days.get(6));
        assertThat(todays)
                .containsEntry("created", 2)
                .containsEntry("completed", 1)
                .containsEntry("overdue", 0);
        Map<?, ?> completionTime = (Map<?, ?>) todays.get("completionTime");
        assertThat(completionTime.get("count")).isEqualTo(1);
        assertThat(((Number) completionTime.get("averageSeconds")).doubleValue())
                .isBetween(0.0, 60.0);
        assertThat(totals(r)).containsEntry("created", 2).containsEntry("completed", 1);
        assertThat(numbers(days.get(0))).containsEntry("created", 0);
        assertThat(((Map<?, ?>) numbers(days.get(0)).get("completionTime")).get("averageSeconds"))
                .isNull();
    }

    @Test
    void aScriptedPastWeekGivesItsNumbersDayByDayAndOnlyToItsOwner() {
        User ada = api.newUser();
        UUID owner = ada.id();
        var events = new ArrayList<DomainEvent>();
        // 2 March: created, due on the 4th, completed on the 3rd after 25 hours.
        Task report = task(owner, "2026-03-02T08:00:00Z", "2026-03-04T17:00:00Z");
        events.add(new TaskCreated(UUID.randomUUID(), report.createdAt(), owner, report));
        events.add(completed(report, "2026-03-03T09:00:00Z"));
        // 2 March: created, due on the 5th, never completed: overdue on the 5th.
        Task call = task(owner, "2026-03-02T10:00:00Z", "2026-03-05T08:00:00Z");
        events.add(new TaskCreated(UUID.randomUUID(), call.createdAt(), owner, call));
        feed.deliver(analytics, events.stream().map(feed::envelope).toList());
        feed.deliver(analytics, events.stream().map(feed::envelope).toList());

        var r = api.get("/analytics/summary?from=2026-03-01&to=2026-03-06", ada);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> days = days(r);
        assertThat(days)
                .extracting(d -> d.get("day"))
                .containsExactly("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06");
        assertThat(days).extracting(d -> numbers(d).get("created")).containsExactly(0, 2, 0, 0, 0, 0);
        assertThat(days).extracting(d -> numbers(d).get("completed")).containsExactly(0, 0, 1, 0, 0, 0);
        assertThat(days).extracting(d -> numbers(d).get("overdue")).containsExactly(0, 0, 0, 0, 1, 0);
        assertThat(totals(r))
                .containsEntry("created", 2)
                .containsEntry("completed", 1)
                .containsEntry("overdue", 1);
        Map<?, ?> completionTime = (Map<?, ?>) totals(r).get("completionTime");
        assertThat(completionTime.get("count")).isEqualTo(1);
        assertThat(completionTime.get("averageSeconds")).isEqualTo(90_000.0);

        var someoneElse = api.get("/analytics/summary?from=2026-03-01&to=2026-03-06", api.newUser());
        assertThat(totals(someoneElse)).containsEntry("created", 0).containsEntry("overdue", 0);
    }

    @Test
    void theOverallSummaryIsForAdministratorsAndAddsEveryUser() {
        User ada = api.newUser();
        User bob = api.newUser();
        var events = new ArrayList<EventEnvelope>();
        for (User u : List.of(ada, bob)) {
            Task t = task(u.id(), "2025-07-01T08:00:00Z", null);
            events.add(feed.envelope(new TaskCreated(UUID.randomUUID(), t.createdAt(), u.id(), t)));
        }
        feed.deliver(analytics, events);
        String july = "/analytics/summary?from=2025-07-01&to=2025-07-01";

        assertProblem(api.get(july + "&scope=all", ada), 403, "/problems/forbidden");
        var all = api.send("GET", july + "&scope=all", adminToken, null);

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.map()).containsEntry("scope", "all");
        assertThat(((Number) totals(all).get("created")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(totals(api.get(july, ada))).containsEntry("created", 1);
        assertThat(totals(api.get(july + "&scope=own", bob))).containsEntry("created", 1);
    }

    static Stream<Arguments> badSummaries() {
        return Stream.of(
                Arguments.of("from not a date", "?from=2026-13-01", "from"),
                Arguments.of("to with a time", "?to=2026-03-01T00:00:00Z", "to"),
                Arguments.of("from after to", "?from=2026-03-02&to=2026-03-01", "from"),
                Arguments.of("367 days", "?from=2025-01-01&to=2026-01-02", "to"),
                Arguments.of("unknown scope", "?scope=everyone", "scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSummaries")
    void badSummaryRequestsAre400sNamingTheParameter(String name, String query, String field) {
        var r = api.get("/analytics/summary" + query, api.newUser());

        assertProblem(r, 400, "/problems/invalid-input");
        assertThat(r.text("detail")).startsWith(field);
    }

    @Test
    void aFullYearIsAllowed() {
        var r = api.get("/analytics/summary?from=2024-01-01&to=2024-12-31", api.newUser());

        assertThat(r.status()).isEqualTo(200);
        assertThat(days(r)).hasSize(366);
    }

    @Test
    void theBusinessMetricsAreScraped() throws SQLException {
        User ada = api.newUser();
        String id = api.createTask(ada, "measured").text("id");
        api.post("/tasks/" + id + "/complete", ada, null);
        feedAnalytics(id);

        String scrape = api.send("GET", "/prometheus", null, null).body();

        assertThat(scrape)
                .contains("taskflow_completed_tasks_total")
                .contains("taskflow_task_completion_duration_seconds_bucket{le=\"60.0\"}")
                .contains("taskflow_task_completion_duration_seconds_count")
                .contains("taskflow_tasks_overdue")
                .contains("taskflow_events_consumed_total{consumer=\"analytics\"");
    }

    // ---- helpers

    private static void feedAudit(Object... subjects) throws SQLException {
        feed.deliver(audit, feed.outboxEventsAbout(subjects));
    }

    private static void feedAnalytics(Object... subjects) throws SQLException {
        feed.deliver(analytics, feed.outboxEventsAbout(subjects));
    }

    private static Api.Response verify() {
        return api.send("GET", "/admin/audit/verify", adminToken, null);
    }

    private static Task task(UUID owner, String createdAt, String dueAt) {
        var details = new TaskDetails(
                "scripted", null, null, dueAt == null ? null : Instant.parse(dueAt), null, List.of(), null);
        return Task.create(UUID.randomUUID(), owner, details, Instant.parse(createdAt));
    }

    private static TaskCompleted completed(Task task, String at) {
        Task done = task.complete(Instant.parse(at));
        return new TaskCompleted(UUID.randomUUID(), done.completedAt(), done.ownerId(), done);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> days(Api.Response r) {
        return (List<Map<String, Object>>) r.map().get("days");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> numbers(Map<String, Object> day) {
        return (Map<String, Object>) day.get("numbers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> totals(Api.Response r) {
        return (Map<String, Object>) r.map().get("totals");
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Takes the append-only trigger away for one change, as a database superuser could, and puts it back. */
    private static void withoutTheTrigger(Connection c, SqlAction action) throws SQLException {
        if (TestStack.isH2()) {
            c.createStatement().execute("DROP TRIGGER audit_log_append_only");
            try {
                action.run();
            } finally {
                c.createStatement()
                        .execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log"
                                + " FOR EACH ROW CALL 'io.taskflow.functions.audit.AuditLogAppendOnly'");
            }
        } else {
            c.createStatement().execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            try {
                action.run();
            } finally {
                c.createStatement().execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
            }
        }
    }

    private static String dataOf(Connection c, long seq) throws SQLException {
        try (var ps = c.prepareStatement("SELECT data FROM audit_log WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void change(Connection c, long seq, String data) throws SQLException {
        try (var ps = c.prepareStatement("UPDATE audit_log SET data = ? WHERE seq = ?")) {
            ps.setString(1, data);
            ps.setLong(2, seq);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void assertProblem(Api.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.map()).containsEntry("type", type).containsEntry("status", status);
    }
}
