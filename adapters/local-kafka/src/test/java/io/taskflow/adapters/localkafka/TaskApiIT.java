package io.taskflow.adapters.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.Api.User;
import io.taskflow.adapters.localkafka.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The task API over real HTTP, against the real database of the run. */
class TaskApiIT {
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
    void aTaskGoesThroughItsWholeLife() {
        User ada = api.newUser();
        var created = api.post(
                "/tasks",
                ada,
                "{\"title\":\"Write the report\",\"priority\":\"HIGH\",\"tags\":[\"work\",\"q4\"],"
                        + "\"dueAt\":\"2030-01-31T09:00:00Z\",\"remindAt\":\"2030-01-31T08:00:00Z\","
                        + "\"recurrence\":\"FREQ=WEEKLY;INTERVAL=2\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).contains("/tasks/" + id);
        assertThat(created.header("ETag")).contains("\"1\"");
        assertThat(created.map())
                .containsEntry("status", "OPEN")
                .containsEntry("priority", "HIGH")
                .containsEntry("tags", List.of("work", "q4"))
                .containsEntry("recurrence", "FREQ=WEEKLY;INTERVAL=2");

        var read = api.get("/tasks/" + id, ada);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).contains("\"1\"");

        var patched = api.send(
                "PATCH",
                "/tasks/" + id,
                ada.token(),
                "{\"title\":\"Write the final report\",\"remindAt\":null}",
                "If-Match",
                "\"1\"");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.map())
                .containsEntry("title", "Write the final report")
                .containsEntry("remindAt", null)
                .containsEntry("version", 2);
        assertThat(patched.header("ETag")).contains("\"2\"");

        var completed = api.post("/tasks/" + id + "/complete", ada, null);
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.map()).containsEntry("status", "COMPLETED").containsEntry("version", 3);
        assertThat(completed.text("completedAt")).isNotNull();
        // A retry carrying the If-Match of the first try is still answered 200: completing is idempotent.
        var again = api.post("/tasks/" + id + "/complete", ada, null, "If-Match", "\"2\"");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.map()).containsEntry("version", 3).containsEntry("completedAt", completed.text("completedAt"));

        assertThat(api.send("DELETE", "/tasks/" + id, ada.token(), null).status())
                .isEqualTo(204);
        assertThat(api.get("/tasks/" + id, ada).status()).isEqualTo(404);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        User ada = api.newUser();
        String id = api.createTask(ada, "first").text("id");
        api.send("PATCH", "/tasks/" + id, ada.token(), "{\"title\":\"second\"}");

        var stale = api.send("PATCH", "/tasks/" + id, ada.token(), "{\"title\":\"lost update\"}", "If-Match", "\"1\"");
        assertProblem(stale, 412, "/problems/stale-version");
        var staleDelete = api.send("DELETE", "/tasks/" + id, ada.token(), null, "If-Match", "W/\"1\"");
        assertProblem(staleDelete, 412, "/problems/stale-version");

        var current = api.get("/tasks/" + id, ada);
        assertThat(current.map()).containsEntry("title", "second").containsEntry("version", 2);
        assertThat(api.send("PATCH", "/tasks/" + id, ada.token(), "{\"title\":\"third\"}", "If-Match", "\"2\"")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstResponseAndCreateOneTask() throws SQLException {
        User ada = api.newUser();
        String body = "{\"title\":\"pay rent\"}";
        var first = api.post("/tasks", ada, body, "Idempotency-Key", "rent-2030-01");
        var second = api.post("/tasks", ada, body, "Idempotency-Key", "rent-2030-01");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).contains("true");
        assertThat(api.get("/tasks", ada).items()).hasSize(1);
        assertThat(outboxRowsFor(first.text("id"))).isEqualTo(1);

        var otherBody = api.post("/tasks", ada, "{\"title\":\"pay more rent\"}", "Idempotency-Key", "rent-2030-01");
        assertProblem(otherBody, 422, "/problems/idempotency-key-reused");
        assertThat(api.get("/tasks", ada).items()).hasSize(1);

        // Keys belong to their user: another user may use the same one.
        User bob = api.newUser();
        assertThat(api.post("/tasks", bob, body, "Idempotency-Key", "rent-2030-01")
                        .text("id"))
                .isNotEqualTo(first.text("id"));
    }

    @Test
    void oneUserNeverSeesOrChangesAnothersTasks() {
        User ada = api.newUser();
        User eve = api.newUser();
        String id = api.createTask(ada, "ada's secret").text("id");

        assertProblem(api.get("/tasks/" + id, eve), 404, "/problems/not-found");
        assertProblem(
                api.send("PATCH", "/tasks/" + id, eve.token(), "{\"title\":\"mine\"}"), 404, "/problems/not-found");
        assertProblem(api.post("/tasks/" + id + "/complete", eve, null), 404, "/problems/not-found");
        assertProblem(api.send("DELETE", "/tasks/" + id, eve.token(), null), 404, "/problems/not-found");
        assertThat(api.get("/tasks", eve).items()).isEmpty();

        var adas = api.get("/tasks/" + id, ada);
        assertThat(adas.map()).containsEntry("title", "ada's secret").containsEntry("version", 1);
    }

    @Test
    void listingFiltersAndPagesThroughTheCallersTasksNewestFirst() {
        User ada = api.newUser();
        api.post("/tasks", ada, "{\"title\":\"Buy milk\",\"tags\":[\"home\"],\"priority\":\"LOW\"}");
        api.post(
                "/tasks",
                ada,
                "{\"title\":\"Ship release\",\"tags\":[\"work\"],\"priority\":\"URGENT\","
                        + "\"dueAt\":\"2031-01-01T00:00:00Z\"}");
        api.post(
                "/tasks",
                ada,
                "{\"title\":\"Review 50% of PRs\",\"tags\":[\"work\"],\"dueAt\":\"2030-06-01T00:00:00Z\"}");
        String done = api.createTask(ada, "Call mum").text("id");
        api.post("/tasks/" + done + "/complete", ada, null);
        api.createTask(ada, "Water plants");

        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api.get("/tasks?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ada);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(t -> seen.add((String) t.get("title")));
            cursor = page.text("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("Water plants", "Call mum", "Review 50% of PRs", "Ship release", "Buy milk");

        assertThat(titles(api.get("/tasks?tag=work", ada))).containsExactly("Review 50% of PRs", "Ship release");
        assertThat(titles(api.get("/tasks?priority=URGENT", ada))).containsExactly("Ship release");
        assertThat(titles(api.get("/tasks?status=COMPLETED", ada))).containsExactly("Call mum");
        assertThat(titles(api.get("/tasks?q=50%25", ada))).containsExactly("Review 50% of PRs");
        assertThat(titles(api.get("/tasks?q=MILK", ada))).containsExactly("Buy milk");
        assertThat(titles(api.get("/tasks?dueBefore=2030-12-31T00:00:00Z", ada)))
                .containsExactly("Review 50% of PRs");
    }

    @Test
    void repeatedFailedLoginsAreRefusedWith429AndRetryAfterEvenWithTheRightPassword() {
        User ada = api.newUser();
        String wrong = "{\"email\":\"" + ada.email() + "\",\"password\":\"wrong-password\"}";
        for (int i = 0; i < 5; i++) {
            assertProblem(api.send("POST", "/auth/login", null, wrong), 401, "/problems/invalid-credentials");
        }
        var locked = api.send(
                "POST", "/auth/login", null, "{\"email\":\"" + ada.email() + "\",\"password\":\"correct-horse\"}");
        assertProblem(locked, 429, "/problems/too-many-attempts");
        assertThat(Integer.parseInt(locked.header("Retry-After").orElseThrow())).isPositive();
        // Another account is not affected.
        assertThat(api.newUser().token()).isNotBlank();
    }

    @Test
    void tokensThatAreUnsignedOrSignedWithAnotherKeyAreRefused() {
        User ada = api.newUser();
        String[] parts = ada.token().split("\\.");
        String unsignedHeader = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = unsignedHeader + "." + parts[1] + ".";
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertProblem(api.send("GET", "/tasks", unsigned, null), 401, "/problems/unauthorized");
        assertProblem(api.send("GET", "/tasks", tampered, null), 401, "/problems/unauthorized");
        var anonymous = api.send("GET", "/tasks", null, null, "X-Correlation-Id", "anon-1");
        assertProblem(anonymous, 401, "/problems/unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).contains("Bearer");
        assertThat(anonymous.header("X-Correlation-Id")).contains("anon-1");
        assertThat(api.get("/tasks", ada).status()).isEqualTo(200);
    }

    static Stream<Arguments> badRequests() {
        String big = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";
        return Stream.of(
                Arguments.of("malformed JSON", "POST", "/tasks", "{\"title\": ", 400, "/problems/malformed-request"),
                Arguments.of(
                        "unknown field",
                        "POST",
                        "/tasks",
                        "{\"title\":\"a\",\"owner\":\"x\"}",
                        400,
                        "/problems/malformed-request"),
                Arguments.of("body over 1 MiB", "POST", "/tasks", big, 413, "/problems/payload-too-large"),
                Arguments.of("blank title", "POST", "/tasks", "{\"title\":\"  \"}", 400, "/problems/invalid-input"),
                Arguments.of(
                        "title too long",
                        "POST",
                        "/tasks",
                        "{\"title\":\"" + "t".repeat(201) + "\"}",
                        400,
                        "/problems/invalid-input"),
                Arguments.of("title not a string", "POST", "/tasks", "{\"title\":42}", 400, "/problems/invalid-input"),
                Arguments.of("body not an object", "POST", "/tasks", "[\"title\"]", 400, "/problems/malformed-request"),
                Arguments.of(
                        "unknown priority",
                        "POST",
                        "/tasks",
                        "{\"title\":\"a\",\"priority\":\"SUPER\"}",
                        400,
                        "/problems/invalid-input"),
                Arguments.of(
                        "date not ISO",
                        "POST",
                        "/tasks",
                        "{\"title\":\"a\",\"dueAt\":\"tomorrow\"}",
                        400,
                        "/problems/invalid-input"),
                Arguments.of(
                        "date out of range",
                        "POST",
                        "/tasks",
                        "{\"title\":\"a\",\"dueAt\":\"2999-01-01T00:00:00Z\"}",
                        400,
                        "/problems/invalid-input"),
                Arguments.of(
                        "reminder after due",
                        "POST",
                        "/tasks",
                        "{\"title\":\"a\",\"dueAt\":\"2030-01-01T00:00:00Z\",\"remindAt\":\"2030-01-02T00:00:00Z\"}",
                        400,
                        "/problems/invalid-input"),
                Arguments.of(
                        "too many tags",
                        "POST",
                        "/tasks",
                        "{\"title\":\"a\",\"tags\":" + tags(21) + "}",
                        400,
                        "/problems/invalid-input"),
                Arguments.of(
                        "bad recurrence",
                        "POST",
                        "/tasks",
                        "{\"title\":\"a\",\"recurrence\":\"FREQ=HOURLY\"}",
                        400,
                        "/problems/invalid-input"),
                Arguments.of("bad id", "GET", "/tasks/not-a-uuid", null, 400, "/problems/invalid-input"),
                Arguments.of("limit 0", "GET", "/tasks?limit=0", null, 400, "/problems/invalid-input"),
                Arguments.of("limit 101", "GET", "/tasks?limit=101", null, 400, "/problems/invalid-input"),
                Arguments.of("garbage cursor", "GET", "/tasks?cursor=bm9wZQ", null, 400, "/problems/invalid-input"),
                Arguments.of(
                        "unknown status filter", "GET", "/tasks?status=DONE", null, 400, "/problems/invalid-input"),
                Arguments.of("no route", "GET", "/nothing-here", null, 404, "/problems/not-found"),
                Arguments.of("wrong method", "PUT", "/tasks", "{}", 405, "/problems/method-not-allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsA4xxProblemAndChangesNothing(
            String name, String method, String path, String body, int status, String type) throws SQLException {
        User ada = api.newUser();
        long before = rowCount();
        var response = api.send(method, path, ada.token(), body);
        assertProblem(response, status, type);
        assertThat(response.text("detail")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(rowCount()).isEqualTo(before);
    }

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("unknown field", "{\"owner\":\"me\"}", "/problems/malformed-request"),
                Arguments.of("not an object", "[1,2]", "/problems/malformed-request"),
                Arguments.of("title cleared", "{\"title\":null}", "/problems/invalid-input"),
                Arguments.of("title wrong type", "{\"title\":42}", "/problems/invalid-input"),
                Arguments.of("completed by patch", "{\"status\":\"COMPLETED\"}", "/problems/invalid-input"),
                Arguments.of("tag not text", "{\"tags\":[1]}", "/problems/invalid-input"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPatches")
    void badPatchesAreRefusedAndLeaveTheTaskAsItWas(String name, String body, String type) throws SQLException {
        User ada = api.newUser();
        String id = api.createTask(ada, "keep me").text("id");
        long before = rowCount();
        assertProblem(api.send("PATCH", "/tasks/" + id, ada.token(), body), 400, type);
        assertThat(api.get("/tasks/" + id, ada).map())
                .containsEntry("title", "keep me")
                .containsEntry("version", 1);
        assertThat(rowCount()).isEqualTo(before);
    }

    @Test
    void registrationRefusesBadInputAndDuplicateEmails() {
        User ada = api.newUser();
        assertProblem(
                api.send(
                        "POST",
                        "/auth/register",
                        null,
                        "{\"email\":\"not-an-email\",\"password\":\"correct-horse\",\"displayName\":\"X\"}"),
                400,
                "/problems/invalid-input");
        assertProblem(
                api.send(
                        "POST",
                        "/auth/register",
                        null,
                        "{\"email\":\"x@example.com\",\"password\":\"short\",\"displayName\":\"X\"}"),
                400,
                "/problems/invalid-input");
        assertProblem(
                api.send(
                        "POST",
                        "/auth/register",
                        null,
                        "{\"email\":\"" + ada.email().toUpperCase()
                                + "\",\"password\":\"correct-horse\",\"displayName\":\"X\"}"),
                409,
                "/problems/conflict");
        assertProblem(
                api.send(
                        "POST",
                        "/auth/register",
                        null,
                        "{\"email\":\"new@example.com\",\"password\":\"correct-horse\",\"displayName\":\"X\","
                                + "\"admin\":true}"),
                400,
                "/problems/malformed-request");
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        User ada = api.newUser();
        var r = api.send("POST", "/tasks", ada.token(), "title=a", "Content-Type", "text/plain");
        assertProblem(r, 415, "/problems/unsupported-media-type");
    }

    @Test
    void theOpenApiDocumentAndTheProbesAreServedWithoutAToken() {
        var openapi = api.send("GET", "/openapi/taskflow-1.yml", null, null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body())
                .contains("/tasks/{id}/complete")
                .contains("/auth/login")
                .contains("$ref: \"#/components/schemas/NewTask\"")
                .contains("application/problem+json");
        assertThat(api.send("GET", "/health/liveness", null, null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/health/readiness", null, null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/prometheus", null, null).body()).contains("http_server_requests");
    }

    @Test
    void theCorrelationIdIsEchoedAndInventedWhenAbsent() {
        var given = api.send("GET", "/health/liveness", null, null, "X-Correlation-Id", "req-42");
        assertThat(given.header("X-Correlation-Id")).contains("req-42");
        assertThat(api.send("GET", "/health/liveness", null, null).header("X-Correlation-Id"))
                .isPresent();
    }

    @Test
    void theDatabaseSpecificMigrationsRanToo() throws SQLException {
        try (var c = TestStack.get().openDatabase();
                var rs = c.getMetaData().getIndexInfo(null, null, "outbox", false, false)) {
            var names = new HashSet<String>();
            while (rs.next()) {
                names.add(String.valueOf(rs.getString("INDEX_NAME")).toLowerCase());
            }
            assertThat(names).contains("outbox_pending");
        }
    }

    private static void assertProblem(Api.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.map()).containsEntry("type", type).containsEntry("status", status);
    }

    private static List<String> titles(Api.Response r) {
        return r.items().stream().map(t -> (String) t.get("title")).toList();
    }

    private static String tags(int n) {
        var list = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            list.add("\"t" + i + "\"");
        }
        return "[" + String.join(",", list) + "]";
    }

    /** Tasks, tags, outbox and idempotency rows together: any write shows up here. */
    static long rowCount() throws SQLException {
        try (var c = TestStack.get().openDatabase();
                var rs = c.createStatement()
                        .executeQuery("SELECT (SELECT COUNT(*) FROM tasks) + (SELECT COUNT(*) FROM task_tags)"
                                + " + (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM idempotency_keys)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long outboxRowsFor(String aggregateId) throws SQLException {
        try (var c = TestStack.get().openDatabase();
                var ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE subject = ?")) {
            ps.setString(1, aggregateId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
