package io.taskflow.functions.livefeed;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who is listening on this instance: open connections by user. A message only ever goes to its user's connections. */
@Singleton
public class LiveFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<UUID, Set<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    /** @return closes the subscription */
    public Runnable subscribe(UUID userId, Consumer<String> listener) {
        listeners.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(userId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Best effort: a connection that fails to take a message is that connection's problem, not the feed's. */
    public void push(UUID userId, String message) {
        for (Consumer<String> listener : listeners.getOrDefault(userId, Set.of())) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.debug("a live-feed connection refused a message: {}", e.toString());
            }
        }
    }

    /** Whether anyone listens for this user here: events for users with no connection need no further work. */
    public boolean watched(UUID userId) {
        return listeners.containsKey(userId);
    }

    public int connections() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
