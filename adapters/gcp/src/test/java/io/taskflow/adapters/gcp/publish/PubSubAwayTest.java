package io.taskflow.adapters.gcp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.gcp.http.ApiFunction;
import io.taskflow.adapters.gcp.schedule.OutboxSweepFunction;
import io.taskflow.adapters.gcp.testing.GcpTestStack;
import io.taskflow.adapters.gcp.testing.Requests;
import io.taskflow.functions.serverless.FunctionApplication;
import io.taskflow.testsupport.FreePorts;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PubSubAwayTest {
    private static GcpTestStack stack;
    private static ApplicationContext unreachable;

    @BeforeAll
    static void start() {
        stack = GcpTestStack.get();
        var properties = new HashMap<>(stack.properties());
        // Nothing listens there: every publish fails, as when Pub/Sub cannot be reached.
        properties.put("taskflow.gcp.pubsub.emulator-host", "127.0.0.1:" + FreePorts.free());
        properties.put("taskflow.gcp.pubsub.publish-timeout", "2s");
        unreachable = FunctionApplication.start(properties);
    }

    @AfterAll
    static void stop() {
        unreachable.close();
    }

    @Test
    void whenPubSubCannotBeReachedTheRequestStillSucceedsAndTheSweepPublishesTheEventLater() throws Exception {
        JsonMapper json = unreachable.getBean(JsonMapper.class);
        String email = "away-" + UUID.randomUUID() + "@example.com";

        var registered = Requests.call(new ApiFunction(unreachable), json, "api-register.json", Map.of("EMAIL", email));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(outboxRow(email)).containsEntry("published", false);
        assertThat((String) outboxRow(email).get("last_error")).isNotBlank();

        var swept = Requests.call(
                new OutboxSweepFunction(stack.context()),
                json,
                "scheduler-outbox-sweep.json",
                Map.of("JOB", "outbox-sweep", "SCHEDULE_TIME", "2026-11-25T10:01:00Z"));

        assertThat(swept.status()).isEqualTo(200);
        assertThat(outboxRow(email)).containsEntry("published", true);
    }

    private static Map<String, Object> outboxRow(String email) throws Exception {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("SELECT published_at IS NOT NULL, last_error FROM outbox"
                        + " WHERE event_type = 'user.registered' AND data LIKE ?")) {
            ps.setString(1, "%" + email + "%");
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                var row = new HashMap<String, Object>();
                row.put("published", rs.getBoolean(1));
                row.put("last_error", rs.getString(2));
                return row;
            }
        }
    }
}
