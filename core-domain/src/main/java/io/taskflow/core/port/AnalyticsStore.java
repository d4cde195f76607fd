package io.taskflow.core.port;

import io.taskflow.core.analytics.AnalyticsScope;
import io.taskflow.core.analytics.DailyCounts;
import io.taskflow.core.analytics.OverdueRule;
import io.taskflow.core.analytics.TaskFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Storage of the analytics projection (one row of facts per task) and of the daily counters per user. */
public interface AnalyticsStore {

    /** Reads a task's facts and holds them against concurrent writers until the surrounding transaction ends. */
    Optional<TaskFacts> findForUpdate(UUID taskId);

    /** Stores the facts of a task nothing was known of. */
    void insert(TaskFacts facts);

    /** Replaces the stored facts of the task. */
    void update(TaskFacts facts);

    /** Adds {@code increment} to the owner's counters of {@code increment.day()}. */
    void add(UUID ownerId, DailyCounts increment);

    /** The counters of each day in [from, to] that has any, summed over the owners the scope covers. */
    List<DailyCounts> daily(AnalyticsScope scope, LocalDate from, LocalDate to);

    /**
     * For each UTC due day in [from, to], how many of the scope's tasks {@link OverdueRule#wasOverdue} holds for at
     * {@code asOf}; days without any are absent.
     */
    Map<LocalDate, Long> overdueByDueDay(AnalyticsScope scope, LocalDate from, LocalDate to, Instant asOf);

    /** How many tasks {@link OverdueRule#isOverdueNow} holds for at {@code now}, all owners together. */
    long overdueNow(Instant now);
}
