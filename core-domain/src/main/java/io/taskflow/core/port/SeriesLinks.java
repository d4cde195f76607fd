package io.taskflow.core.port;

import java.util.UUID;

/** Which task follows which in a recurring series: each task has at most one next occurrence, ever. */
public interface SeriesLinks {

    /**
     * Records, in the surrounding transaction, that {@code nextTaskId} follows {@code previousTaskId}; false when the
     * previous task has a next occurrence already (a concurrent claim waits for the other transaction to end).
     */
    boolean linkNext(UUID previousTaskId, UUID nextTaskId);
}
