package io.taskflow.core.testing;

import io.taskflow.core.port.SeriesLinks;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link SeriesLinks} over a map from each task to its next occurrence. */
public final class InMemorySeriesLinks implements SeriesLinks, Rollbackable {
    private final Map<UUID, UUID> next = new HashMap<>();

    @Override
    public boolean linkNext(UUID previousTaskId, UUID nextTaskId) {
        return next.putIfAbsent(previousTaskId, nextTaskId) == null;
    }

    public Optional<UUID> nextOf(UUID taskId) {
        return Optional.ofNullable(next.get(taskId));
    }

    @Override
    public Runnable checkpoint() {
        var copy = Map.copyOf(next);
        return () -> {
            next.clear();
            next.putAll(copy);
        };
    }
}
