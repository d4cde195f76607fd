package io.taskflow.adapters.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.aws.testing.AwsTestStack;
import io.taskflow.adapters.aws.testing.Payloads;
import io.taskflow.adapters.aws.testing.TopicReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {
    private static AwsTestStack stack;
    private static ApiHandler handler;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        stack = AwsTestStack.get();
        handler = new ApiHandler(stack.context());
        json = stack.context().getBean(JsonMapper.class);
    }

    @Test
    void aRegistrationAnswers201AndItsEventIsOnMskWhenTheInvocationReturns() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";

        Map<String, Object> response = call("api-register.json", Map.of("EMAIL", email));

        assertThat(response.get("statusCode")).isEqualTo(201);
        assertThat((String) response.get("body")).contains(email);
        String eventId = publishedEventOf("user.registered", email);
        // Published before the answer: the row is marked, and the record is on the topic.
        assertThat(eventId).isNotNull();
        assertThat(TopicReader.await(
                        stack.bootstrapServers(),
                        "user.registered",
                        r -> eventId.equals(TopicReader.header(r, "ce_id")),
                        1))
                .hasSize(1);
    }

    @Test
    void aCallerLogsInCreatesAndListsTasksThroughTheGateway() throws Exception {
        String token = registeredToken();

        Map<String, Object> created = call("api-create-task.json", Map.of("TOKEN", token));
        Map<String, Object> listed = call("api-list-tasks.json", Map.of("TOKEN", token));

        assertThat(created.get("statusCode")).isEqualTo(201);
        assertThat(headers(created)).containsKeys("Location", "ETag");
        assertThat(listed.get("statusCode")).isEqualTo(200);
        assertThat((String) listed.get("body")).contains("Write the report");
    }

    @Test
    void anUnknownFieldIsRefusedWithProblemJsonAndChangesNothing() throws Exception {
        String token = registeredToken();

        Map<String, Object> refused = call("api-create-task-unknown-field.json", Map.of("TOKEN", token));

        assertThat(refused.get("statusCode")).isEqualTo(400);
        assertThat(headers(refused).get("Content-Type")).startsWith("application/problem+json");
        try (Connection db = stack.openDatabase();
                var rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM tasks WHERE title = 'Bad'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void theLivenessProbeAnswersWithoutAToken() throws Exception {
        assertThat(call("api-liveness.json", Map.of()).get("statusCode")).isEqualTo(200);
    }

    private static String registeredToken() throws IOException {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        call("api-register.json", Map.of("EMAIL", email));
        Map<String, Object> login = call("api-login.json", Map.of("EMAIL", email));
        assertThat(login.get("statusCode")).isEqualTo(200);
        return json.readValue((String) login.get("body"), Map.class)
                .get("accessToken")
                .toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> call(String payload, Map<String, String> values) throws IOException {
        return json.readValue(Payloads.invoke(handler, Payloads.load(payload, values)), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> response) {
        var caseKept = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        caseKept.putAll((Map<String, String>) response.get("headers"));
        return caseKept;
    }

    /** The id of the event of that type whose data names the e-mail, if it is marked published. */
    private static String publishedEventOf(String type, String email) throws SQLException {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("SELECT event_id FROM outbox WHERE event_type = ? AND data LIKE ?"
                        + " AND published_at IS NOT NULL")) {
            ps.setString(1, type);
            ps.setString(2, "%" + email + "%");
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
