package io.taskflow.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.taskflow.functions.testing.TestContexts;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DatabaseHealthIndicatorTest {
    private ApplicationContext context;

    @BeforeEach
    void start() {
        context = TestContexts.start();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    static HealthResult resultOf(HealthIndicator indicator) {
        return Mono.from(indicator.getResult()).block(Duration.ofSeconds(10));
    }

    @Test
    void aDatabaseThatAnswersIsUpAndNamedWithoutItsUrl() {
        HealthResult result = resultOf(context.getBean(DatabaseHealthIndicator.class));

        assertThat(result.getName()).isEqualTo("database");
        assertThat(result.getStatus()).as(String.valueOf(result.getDetails())).isEqualTo(HealthStatus.UP);
        assertThat(details(result)).containsEntry("database", "H2").containsKey("version");
        assertThat(String.valueOf(result.getDetails())).doesNotContain("jdbc:").doesNotContain("mem:");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsDownWithTheReason() throws IOException {
        var unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:" + closedPort() + "/mem:nowhere");
        var probes = new HealthProbes(Executors.newSingleThreadExecutor(), Duration.ofSeconds(5), Duration.ZERO);

        HealthResult result = resultOf(new DatabaseHealthIndicator(unreachable, probes));

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(details(result)).containsOnlyKeys("error");
    }

    @Test
    void theDatabaseAndOutboxChecksAreReadinessChecksAndReplaceMicronautsJdbcCheck() {
        assertThat(context.getBeansOfType(HealthIndicator.class, Qualifiers.byStereotype(Liveness.class)))
                .noneMatch(i -> i instanceof DatabaseHealthIndicator || i instanceof OutboxHealthIndicator);
        assertThat(context.getBeansOfType(HealthIndicator.class))
                .anyMatch(i -> i instanceof DatabaseHealthIndicator)
                .anyMatch(i -> i instanceof OutboxHealthIndicator)
                .noneMatch(i -> i.getClass().getSimpleName().equals("JdbcIndicator"));
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }
}
