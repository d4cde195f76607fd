package io.taskflow.adapters.localkafka.dapr.subscribe;

import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many times each consumer has failed on an event, so a redelivery counts as the next attempt: the sidecar
 * redelivers what was answered RETRY but does not say how often it did. Kept in memory, at most {@value #MAX} events
 * (the least recently failed go first): after a restart an event starts counting again, so it gets a few more attempts
 * before it is dead-lettered, never fewer.
 */
@Singleton
@DaprRuntime
class DeliveryAttempts {
    static final int MAX = 10_000;

    private final Map<String, Integer> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX;
        }
    };

    /** 1 for an event this consumer has not failed on. */
    synchronized int attempt(String consumer, String eventId) {
        return failures.getOrDefault(key(consumer, eventId), 0) + 1;
    }

    synchronized void failed(String consumer, String eventId) {
        failures.merge(key(consumer, eventId), 1, Integer::sum);
    }

    synchronized void settled(String consumer, String eventId) {
        failures.remove(key(consumer, eventId));
    }

    private static String key(String consumer, String eventId) {
        return consumer + '/' + eventId;
    }
}
