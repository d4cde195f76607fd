package io.taskflow.core.analytics;

/**
 * The numbers of a day or of a whole period.
 *
 * @param overdue tasks due in the day (or period) that were not completed by their due time
 * @param completionCount how many completion times the average is over
 * @param completionMillis the sum of those completion times
 */
public record Numbers(long created, long completed, long overdue, long completionCount, long completionMillis) {
    public static final Numbers ZERO = new Numbers(0, 0, 0, 0, 0);

    public static Numbers of(DailyCounts counts, long overdue) {
        return new Numbers(
                counts.created(), counts.completed(), overdue, counts.completionCount(), counts.completionMillis());
    }

    public Numbers plus(Numbers other) {
        return new Numbers(
                created + other.created,
                completed + other.completed,
                overdue + other.overdue,
                completionCount + other.completionCount,
                completionMillis + other.completionMillis);
    }

    /** The mean time from creation to completion in seconds; null when nothing was completed. */
    public Double averageCompletionSeconds() {
        return completionCount == 0 ? null : completionMillis / 1000.0 / completionCount;
    }
}
