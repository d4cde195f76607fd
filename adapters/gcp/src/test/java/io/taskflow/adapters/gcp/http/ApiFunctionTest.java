package io.taskflow.adapters.gcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.gcp.replay.CapturedResponse;
import io.taskflow.adapters.gcp.testing.GcpTestStack;
import io.taskflow.adapters.gcp.testing.Requests;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiFunctionTest {
    private static GcpTestStack stack;
    private static ApiFunction function;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        stack = GcpTestStack.get();
        function = new ApiFunction(stack.context());
        json = stack.context().getBean(JsonMapper.class);
    }

    @Test
    void aCreatedTaskIsOnItsTopicWithTheTaskIdAsOrderingKeyAndCloudEventsAttributesWhenTheFunctionReturns()
            throws Exception {
        String token = registeredToken();
        String subscription = stack.subscribe("task.created", "audit", 0, null);

        CapturedResponse created = Requests.call(function, json, "api-create-task.json", Map.of("TOKEN", token));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.getHeaders()).containsKeys("Location", "ETag");
        String taskId = created.getHeaders().get("Location").get(0).replaceAll(".*/", "");
        String eventId = publishedEventOf("task.created", taskId);
        assertThat(eventId)
                .as("the outbox row was marked published before the function returned")
                .isNotNull();
        PubsubMessage message = pulled(subscription, 1).get(0);
        assertThat(message.getOrderingKey()).isEqualTo(taskId);
        assertThat(message.getAttributesMap())
                .containsEntry("ce-id", eventId)
                .containsEntry("ce-specversion", "1.0")
                .containsEntry("ce-type", "task.created")
                .containsEntry("ce-source", "/taskflow/api")
                .containsEntry("ce-subject", taskId)
                .containsEntry("ce-partitionkey", taskId)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce-time", "ce-dataschema", "ce-traceparent");
        assertThat(message.getData().toStringUtf8()).contains(taskId).contains("Write the report");
    }

    @Test
    void aCallerRegistersLogsInAndListsTasksThroughTheFunction() throws Exception {
        String token = registeredToken();
        Requests.call(function, json, "api-create-task.json", Map.of("TOKEN", token));

        CapturedResponse listed = Requests.call(function, json, "api-list-tasks.json", Map.of("TOKEN", token));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(Requests.body(listed)).contains("Write the report");
    }

    @Test
    void anUnknownFieldIsRefusedWithProblemJsonAndChangesNothing() throws Exception {
        String token = registeredToken();

        CapturedResponse refused =
                Requests.call(function, json, "api-create-task-unknown-field.json", Map.of("TOKEN", token));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getContentType())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        try (Connection db = stack.openDatabase();
                var rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM tasks WHERE title = 'Bad'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void theLivenessProbeAnswersWithoutAToken() throws Exception {
        assertThat(Requests.call(function, json, "api-liveness.json", Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void theSigningKeyAndTheDatabasePasswordWereReadFromSecretManager() {
        assertThat(stack.secrets().accessed())
                .contains(
                        "projects/" + GcpTestStack.PROJECT + "/secrets/taskflow-db-password/versions/latest",
                        "projects/" + GcpTestStack.PROJECT + "/secrets/taskflow-jwt-signing-secret/versions/latest");
    }

    private static String registeredToken() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        CapturedResponse registered = Requests.call(function, json, "api-register.json", Map.of("EMAIL", email));
        assertThat(registered.status()).isEqualTo(201);
        CapturedResponse login = Requests.call(function, json, "api-login.json", Map.of("EMAIL", email));
        assertThat(login.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(login.body(), Map.class);
        return (String) body.get("accessToken");
    }

    private static List<PubsubMessage> pulled(String subscription, int count) {
        var messages = new ArrayList<PubsubMessage>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            @SuppressWarnings("deprecation")
            var pulled = stack.subscriptions()
                    .pull(com.google.pubsub.v1.PullRequest.newBuilder()
                            .setSubscription("projects/" + GcpTestStack.PROJECT + "/subscriptions/" + subscription)
                            .setMaxMessages(10)
                            .setReturnImmediately(true)
                            .build())
                    .getReceivedMessagesList();
            pulled.forEach(m -> messages.add(m.getMessage()));
            return messages.size() >= count;
        });
        return messages;
    }

    /** The id of the published outbox event of that type and subject; null while it waits. */
    private static String publishedEventOf(String type, String subject) throws SQLException {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("SELECT event_id FROM outbox WHERE event_type = ? AND subject = ?"
                        + " AND published_at IS NOT NULL")) {
            ps.setString(1, type);
            ps.setString(2, subject);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
