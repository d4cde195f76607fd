package io.taskflow.core.analytics;

import java.time.Duration;

/**
 * What an event added to the numbers, for the business metrics.
 *
 * @param created a task was counted as created
 * @param completedAfter the completion time of a task counted as completed; null when none was
 */
public record Tracked(boolean created, Duration completedAfter) {
    /** An event that changed no number: a repeat, an older event, or one that counts nothing. */
    public static final Tracked NOTHING = new Tracked(false, null);

    public boolean completed() {
        return completedAfter != null;
    }
}
