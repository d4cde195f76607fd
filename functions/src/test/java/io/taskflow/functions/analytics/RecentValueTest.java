package io.taskflow.functions.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentValueTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicLong reads = new AtomicLong();
    private long next = 7;
    private boolean failing;

    private final RecentValue value = new RecentValue(
            () -> {
                reads.incrementAndGet();
                if (failing) {
                    throw new IllegalStateException("database down");
                }
                return next;
            },
            Duration.ofSeconds(5),
            nanos::get);

    @Test
    void theSourceIsReadOncePerTimeToLive() {
        assertThat(value.get()).isEqualTo(7.0);
        next = 8;
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(value.get()).isEqualTo(7.0);
        assertThat(reads).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(value.get()).isEqualTo(8.0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadKeepsTheLastValueAndIsRetriedOnTheNextCall() {
        assertThat(value.get()).isEqualTo(7.0);
        failing = true;
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());

        assertThat(value.get()).isEqualTo(7.0);
        assertThat(value.get()).isEqualTo(7.0);
        assertThat(reads).hasValue(3);

        failing = false;
        next = 9;
        assertThat(value.get()).isEqualTo(9.0);
    }

    @Test
    void beforeTheFirstSuccessfulReadThereIsNoValue() {
        failing = true;
        assertThat(value.get()).isNaN();
    }
}
