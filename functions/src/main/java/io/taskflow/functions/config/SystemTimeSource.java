package io.taskflow.functions.config;

import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wall-clock time cut to microseconds, the precision PostgreSQL and H2 store, so values read back compare equal. */
@Singleton
final class SystemTimeSource implements TimeSource {
    private final Clock clock = Clock.systemUTC();

    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
