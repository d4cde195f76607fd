package io.taskflow.functions.housekeeping;

import java.time.Instant;

/** Deletes the rows of one kind that are older than their retention. */
public interface RetentionRule {

    /** Names the rule in logs and metrics, such as {@code notifications-read}. */
    String name();

    /** Deletes what has expired at {@code now}; returns how many rows went. */
    int purge(Instant now);
}
