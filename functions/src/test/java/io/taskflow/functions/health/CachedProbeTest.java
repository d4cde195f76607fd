package io.taskflow.functions.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachedProbeTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger checks = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private CachedProbe probe(Duration freshFor, Duration timeout, Supplier<HealthResult> check) {
        return new CachedProbe("thing", freshFor, timeout, executor, () -> {
            checks.incrementAndGet();
            return check.get();
        });
    }

    private static HealthResult up() {
        return HealthResult.builder("thing", HealthStatus.UP).build();
    }

    private static HealthResult ask(CachedProbe probe) {
        return probe.result().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void anAnswerIsKeptForItsIntervalSoProbesInBetweenCheckNothing() {
        var probe = probe(Duration.ofMinutes(1), Duration.ofSeconds(5), CachedProbeTest::up);

        assertThat(ask(probe).getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(ask(probe).getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(ask(probe).getStatus()).isEqualTo(HealthStatus.UP);

        assertThat(checks).hasValue(1);
    }

    @Test
    void anAnswerOlderThanItsIntervalIsCheckedAgain() {
        var probe = probe(Duration.ZERO, Duration.ofSeconds(5), CachedProbeTest::up);

        ask(probe);
        ask(probe);

        assertThat(checks).hasValue(2);
    }

    @Test
    void aCheckThatThrowsReadsDownWithItsError() {
        var probe = probe(Duration.ofMinutes(1), Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("the thing is away");
        });

        HealthResult result = ask(probe);

        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.getName()).isEqualTo("thing");
        assertThat(result.getDetails()).isEqualTo(Map.of("error", "IllegalStateException: the thing is away"));
    }

    @Test
    void aHungCheckReadsDownAfterTheTimeoutRunsOnceForAllProbesAndItsLateAnswerIsKept() throws Exception {
        var release = new CountDownLatch(1);
        var probe = probe(Duration.ofMinutes(1), Duration.ofMillis(200), () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return up();
        });

        long started = System.nanoTime();
        HealthResult first = ask(probe);
        HealthResult second = ask(probe);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(first.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(first.getDetails()).isEqualTo(Map.of("error", "no answer within 200 ms"));
        assertThat(second.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(checks).as("the second probe waits for the same check").hasValue(1);

        release.countDown();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(ask(probe).getStatus()).isEqualTo(HealthStatus.UP));
        assertThat(checks).hasValue(1);
    }
}
