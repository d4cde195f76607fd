package io.taskflow.adapters.gcp.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.taskflow.adapters.gcp.http.ApiFunction;
import io.taskflow.adapters.gcp.replay.CapturedResponse;
import io.taskflow.adapters.gcp.testing.GcpTestStack;
import io.taskflow.adapters.gcp.testing.Requests;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScheduledFunctionsTest {
    private static GcpTestStack stack;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        stack = GcpTestStack.get();
        json = stack.context().getBean(JsonMapper.class);
    }

    @Test
    void theOutboxSweepPublishesWhatAnInvocationLeftBehindAndSaysHowMany() throws Exception {
        String eventId = leftBehindEvent();

        CapturedResponse answer = Requests.call(
                new OutboxSweepFunction(stack.context()),
                json,
                "scheduler-outbox-sweep.json",
                Map.of("JOB", "outbox-sweep", "SCHEDULE_TIME", "2026-11-25T10:00:00Z"));

        assertThat(answer.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = json.readValue(answer.body(), Map.class);
        assertThat(result).containsEntry("job", "outbox-sweep");
        assertThat(((Number) result.get("done")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(published(eventId)).isTrue();
    }

    @Test
    void aSchedulerJobPointedAtTheWrongFunctionIsRefusedAndRunsNothing() throws Exception {
        String eventId = leftBehindEvent();

        CapturedResponse answer = Requests.call(
                new OutboxSweepFunction(stack.context()),
                json,
                "scheduler-outbox-sweep.json",
                Map.of("JOB", "digest", "SCHEDULE_TIME", "2026-11-25T07:00:00Z"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(Requests.body(answer)).contains("runs the job outbox-sweep, not digest");
        assertThat(published(eventId)).isFalse();
    }

    @Test
    void aScheduleTimeThatIsNotATimeIsRefused() throws Exception {
        CapturedResponse answer = Requests.call(
                new DailyDigestFunction(stack.context()),
                json,
                "scheduler-outbox-sweep.json",
                Map.of("JOB", "digest", "SCHEDULE_TIME", "yesterday"));

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void theReminderSweepAndTheCleanUpRunAndAnswerTheirJobName() throws Exception {
        CapturedResponse reminders = Requests.call(
                new ReminderSweepFunction(stack.context()),
                json,
                "scheduler-outbox-sweep.json",
                Map.of("JOB", "reminders", "SCHEDULE_TIME", "2026-11-25T10:00:00Z"));
        CapturedResponse cleanup = Requests.call(
                new CleanupFunction(stack.context()),
                json,
                "scheduler-outbox-sweep.json",
                Map.of("JOB", "cleanup", "SCHEDULE_TIME", "2026-11-25T03:30:00Z"));

        assertThat(reminders.status()).isEqualTo(200);
        assertThat(Requests.body(reminders)).contains("\"job\":\"reminders\"");
        assertThat(cleanup.status()).isEqualTo(200);
        assertThat(Requests.body(cleanup)).contains("\"job\":\"cleanup\"");
    }

    /**
     * Registers a user through the API (its event is published on the way out), then puts the row back as an
     * invocation that timed out after its commit would have left it.
     */
    private static String leftBehindEvent() throws Exception {
        String email = "sweep-" + UUID.randomUUID() + "@example.com";
        var api = new ApiFunction(stack.context());
        assertThat(Requests.call(api, json, "api-register.json", Map.of("EMAIL", email))
                        .status())
                .isEqualTo(201);
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement("UPDATE outbox SET published_at = NULL WHERE event_type ="
                        + " 'user.registered' AND data LIKE ? RETURNING event_id")) {
            ps.setString(1, "%" + email + "%");
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static boolean published(String eventId) throws Exception {
        try (Connection db = stack.openDatabase();
                var ps = db.prepareStatement(
                        "SELECT published_at IS NOT NULL FROM outbox WHERE event_id = CAST(? AS uuid)")) {
            ps.setString(1, eventId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
