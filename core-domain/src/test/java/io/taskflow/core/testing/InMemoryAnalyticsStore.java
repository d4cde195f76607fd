package io.taskflow.core.testing;

import io.taskflow.core.analytics.AnalyticsScope;
import io.taskflow.core.analytics.DailyCounts;
import io.taskflow.core.analytics.OverdueRule;
import io.taskflow.core.analytics.TaskFacts;
import io.taskflow.core.port.AnalyticsStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** An {@link AnalyticsStore} over maps; its overdue counts apply {@link OverdueRule} itself. */
public final class InMemoryAnalyticsStore implements AnalyticsStore, Rollbackable {
    private record Key(UUID ownerId, LocalDate day) {}

    private final Map<UUID, TaskFacts> facts = new LinkedHashMap<>();
    private final Map<Key, DailyCounts> counters = new HashMap<>();

    @Override
    public Optional<TaskFacts> findForUpdate(UUID taskId) {
        return Optional.ofNullable(facts.get(taskId));
    }

    @Override
    public void insert(TaskFacts task) {
        if (facts.putIfAbsent(task.taskId(), task) != null) {
            throw new IllegalStateException("facts of " + task.taskId() + " exist already");
        }
    }

    @Override
    public void update(TaskFacts task) {
        if (facts.replace(task.taskId(), task) == null) {
            throw new IllegalStateException("no facts of " + task.taskId());
        }
    }

    @Override
    public void add(UUID ownerId, DailyCounts increment) {
        counters.merge(new Key(ownerId, increment.day()), increment, DailyCounts::plus);
    }

    @Override
    public List<DailyCounts> daily(AnalyticsScope scope, LocalDate from, LocalDate to) {
        var byDay = new TreeMap<LocalDate, DailyCounts>();
        counters.forEach((key, counts) -> {
            if (covers(scope, key.ownerId())
                    && !key.day().isBefore(from)
                    && !key.day().isAfter(to)) {
                byDay.merge(key.day(), counts, DailyCounts::plus);
            }
        });
        return new ArrayList<>(byDay.values());
    }

    @Override
    public Map<LocalDate, Long> overdueByDueDay(AnalyticsScope scope, LocalDate from, LocalDate to, Instant asOf) {
        return facts.values().stream()
                .filter(t -> covers(scope, t.ownerId()))
                .filter(t -> t.dueDay() != null
                        && !t.dueDay().isBefore(from)
                        && !t.dueDay().isAfter(to))
                .filter(t -> OverdueRule.wasOverdue(t, asOf))
                .collect(Collectors.groupingBy(TaskFacts::dueDay, Collectors.counting()));
    }

    @Override
    public long overdueNow(Instant now) {
        return facts.values().stream()
                .filter(t -> OverdueRule.isOverdueNow(t, now))
                .count();
    }

    public Optional<TaskFacts> facts(UUID taskId) {
        return Optional.ofNullable(facts.get(taskId));
    }

    public DailyCounts counters(UUID ownerId, LocalDate day) {
        return counters.getOrDefault(new Key(ownerId, day), DailyCounts.none(day));
    }

    private static boolean covers(AnalyticsScope scope, UUID ownerId) {
        return !(scope instanceof AnalyticsScope.Owner owner) || owner.ownerId().equals(ownerId);
    }

    @Override
    public Runnable checkpoint() {
        var factsCopy = new LinkedHashMap<>(facts);
        var countersCopy = new HashMap<>(counters);
        return () -> {
            facts.clear();
            facts.putAll(factsCopy);
            counters.clear();
            counters.putAll(countersCopy);
        };
    }
}
