package io.taskflow.core.port;

import io.taskflow.core.notification.NotificationPreferences;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' notification preferences: a database table in the container runtime, a Dapr state store (one key per user)
 * where one is configured.
 */
public interface PreferencesStore {

    /** Empty when the user never saved any: the caller applies the defaults. */
    Optional<NotificationPreferences> find(UUID userId);

    /** Replaces the user's preferences as a whole. */
    void save(UUID userId, NotificationPreferences preferences);

    /**
     * The users who asked for the daily digest. A key-value store without queries keeps this list under a key of its
     * own, updated by {@link #save}.
     */
    List<UUID> digestSubscribers();
}
