package io.taskflow.core.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Day bucketing: every number is counted on the UTC day of the moment it is about. */
public final class UtcDays {
    private UtcDays() {}

    public static LocalDate of(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
