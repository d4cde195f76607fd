package io.taskflow.functions.health;

import static io.taskflow.functions.health.DatabaseHealthIndicatorTest.details;
import static io.taskflow.functions.health.DatabaseHealthIndicatorTest.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.taskflow.core.port.EventOutbox;
import io.taskflow.core.port.Transactions;
import io.taskflow.core.testing.TaskHistory;
import io.taskflow.functions.outbox.OutboxBacklog;
import io.taskflow.functions.testing.TestContexts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox readiness check on the embedded database; no relay runs here, so what is appended stays pending. */
class OutboxHealthIndicatorTest {
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private ApplicationContext context;
    private OutboxBacklog backlog;

    @BeforeEach
    void start() {
        start(Map.of());
    }

    private void start(Map<String, Object> overrides) {
        context = TestContexts.start(overrides);
        backlog = context.getBean(OutboxBacklog.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private Instant appendOneEvent() {
        Instant before = Instant.now();
        context.getBean(Transactions.class).inTransaction(() -> {
            context.getBean(EventOutbox.class)
                    .append(TaskHistory.of(UUID.randomUUID()).created("2026-03-02T09:00:00Z", null));
            return null;
        });
        return before;
    }

    @Test
    void anEmptyOutboxIsUp() {
        HealthResult result = resultOf(context.getBean(OutboxHealthIndicator.class));

        assertThat(result.getName()).isEqualTo("outbox");
        assertThat(result.getStatus()).as(String.valueOf(result.getDetails())).isEqualTo(HealthStatus.UP);
        assertThat(details(result))
                .containsEntry("pending", 0L)
                .containsEntry("oldestAgeSeconds", 0.0)
                .containsEntry("maxAgeSeconds", 300L);
    }

    @Test
    void anEventWaitingLessThanTheMaximumAgeIsUpWithTheBacklogInTheDetails() {
        Instant appended = appendOneEvent();

        HealthResult result = OutboxHealthIndicator.check(backlog, () -> appended.plus(Duration.ofMinutes(4)), MAX_AGE);

        assertThat(result.getStatus()).as(String.valueOf(result.getDetails())).isEqualTo(HealthStatus.UP);
        assertThat(details(result)).containsEntry("pending", 1L);
        assertThat((Double) details(result).get("oldestAgeSeconds")).isBetween(200.0, 240.0);
    }

    @Test
    void anEventWaitingLongerThanTheMaximumAgeIsDown() {
        Instant appended = appendOneEvent();

        HealthResult result = OutboxHealthIndicator.check(backlog, () -> appended.plus(Duration.ofMinutes(6)), MAX_AGE);

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsEntry("pending", 1L).containsEntry("maxAgeSeconds", 300L);
        assertThat((Double) details(result).get("oldestAgeSeconds")).isGreaterThan(300.0);
    }

    @Test
    void theMaximumAgeIsASetting() {
        context.close();
        start(Map.of("taskflow.health.outbox-max-age", "0s"));
        appendOneEvent();

        HealthResult result = resultOf(context.getBean(OutboxHealthIndicator.class));

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsEntry("pending", 1L).containsEntry("maxAgeSeconds", 0L);
    }
}
