package io.taskflow.core.testing;

import io.taskflow.core.notification.NotificationPreferences;
import io.taskflow.core.port.PreferencesStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class InMemoryPreferencesStore implements PreferencesStore, Rollbackable {
    private final Map<UUID, NotificationPreferences> byUser = new HashMap<>();

    @Override
    public Optional<NotificationPreferences> find(UUID userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    @Override
    public void save(UUID userId, NotificationPreferences preferences) {
        byUser.put(userId, preferences);
    }

    @Override
    public List<UUID> digestSubscribers() {
        return byUser.entrySet().stream()
                .filter(e -> e.getValue().digest())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public Runnable checkpoint() {
        var copy = new HashMap<>(byUser);
        return () -> {
            byUser.clear();
            byUser.putAll(copy);
        };
    }
}
