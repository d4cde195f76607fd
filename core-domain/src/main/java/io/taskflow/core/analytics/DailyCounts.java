package io.taskflow.core.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The counters kept per user and day, as they grow with events: tasks created and completed that day, and the
 * completion times of the tasks completed that day. Also used as the increment one event adds.
 *
 * @param completionMillis the sum of the completion times counted in {@code completionCount}
 */
public record DailyCounts(LocalDate day, long created, long completed, long completionCount, long completionMillis) {

    public DailyCounts {
        Objects.requireNonNull(day, "day");
        if (created < 0 || completed < 0 || completionCount < 0 || completionMillis < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public static DailyCounts none(LocalDate day) {
        return new DailyCounts(day, 0, 0, 0, 0);
    }

    public static DailyCounts oneCreated(LocalDate day) {
        return new DailyCounts(day, 1, 0, 0, 0);
    }

    public static DailyCounts oneCompleted(LocalDate day, Duration took) {
        return new DailyCounts(day, 0, 1, 1, took.toMillis());
    }

    public DailyCounts plus(DailyCounts other) {
        if (!day.equals(other.day)) {
            throw new IllegalArgumentException("counts of different days: " + day + ", " + other.day);
        }
        return new DailyCounts(
                day,
                created + other.created,
                completed + other.completed,
                completionCount + other.completionCount,
                completionMillis + other.completionMillis);
    }
}
