package io.taskflow.functions.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SystemTimeSourceTest {
    private final SystemTimeSource time = new SystemTimeSource();

    @Test
    void givenTheCurrentTime_whenRead_thenItHasNoPrecisionBelowAMicrosecond() {
        for (int i = 0; i < 1_000; i++) {
            Instant now = time.now();

            assertThat(now.getNano() % 1_000).as("nanos of %s", now).isZero();
        }
    }

    @Test
    void givenTheCurrentTime_whenRead_thenItIsTheWallClockCutToMicroseconds() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant now = time.now();
        Instant after = Instant.now();

        assertThat(now).isBetween(before, after);
    }
}
