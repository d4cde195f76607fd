package io.taskflow.core.testing;

import io.taskflow.core.port.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A clock that stands still until a test moves it. Keeps microsecond precision, as the port promises. */
public final class MutableTimeSource implements TimeSource {
    private Instant now;

    public MutableTimeSource(Instant start) {
        set(start);
    }

    public static MutableTimeSource at(String isoInstant) {
        return new MutableTimeSource(Instant.parse(isoInstant));
    }

    @Override
    public Instant now() {
        return now;
    }

    public void set(Instant instant) {
        this.now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public Instant advance(Duration by) {
        set(now.plus(by));
        return now;
    }
}
