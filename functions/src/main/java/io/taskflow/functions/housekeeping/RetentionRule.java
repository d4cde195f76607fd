package io.taskflow.functions.housekeeping;

import java.time.Instant;

/**
 * What one table keeps and for how long. The owner of each table contributes a bean; {@link Housekeeping} runs them
 * all on the clean-up schedule.
 */
public interface RetentionRule {

    /** Names the rule in logs and in the clean-up's result, e.g. {@code outbox}. */
    String name();

    /** Deletes what has outlived its retention at {@code now}; returns how many rows went. */
    int purge(Instant now);
}
