package io.taskflow.core.testing;

import io.taskflow.core.notification.Delivery;
import io.taskflow.core.notification.DeliveryState;
import io.taskflow.core.port.Deliveries;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Deliveries over a map, with the database's rules: one per (cause, channel), claims only from pending or failed. */
public final class InMemoryDeliveries implements Deliveries, Rollbackable {
    private final Map<UUID, Delivery> byId = new LinkedHashMap<>();

    @Override
    public void insert(Delivery delivery) {
        boolean twice = byId.values().stream()
                .anyMatch(d -> d.causeEventId().equals(delivery.causeEventId()) && d.channel() == delivery.channel());
        if (twice || byId.containsKey(delivery.id())) {
            throw new IllegalStateException("duplicate delivery " + delivery);
        }
        byId.put(delivery.id(), delivery);
    }

    @Override
    public List<Delivery> ofCause(UUID causeEventId) {
        return byId.values().stream()
                .filter(d -> d.causeEventId().equals(causeEventId))
                .toList();
    }

    @Override
    public boolean claim(UUID deliveryId, Instant at) {
        var d = byId.get(deliveryId);
        if (d == null || !d.state().claimable()) {
            return false;
        }
        put(d, DeliveryState.SENDING, d.detail(), d.attempts() + 1, at);
        return true;
    }

    @Override
    public void finish(UUID deliveryId, DeliveryState state, String detail, Instant at) {
        var d = byId.get(deliveryId);
        if (d == null || d.state() != DeliveryState.SENDING) {
            throw new IllegalStateException("finishing a delivery that was not claimed: " + d);
        }
        put(d, state, detail, d.attempts(), at);
    }

    /** Puts a delivery in any state, as a crash or an operator would leave it. */
    public void force(UUID deliveryId, DeliveryState state) {
        var d = byId.get(deliveryId);
        put(d, state, d.detail(), d.attempts(), d.updatedAt());
    }

    public List<Delivery> all() {
        return List.copyOf(byId.values());
    }

    private void put(Delivery d, DeliveryState state, String detail, int attempts, Instant at) {
        byId.put(
                d.id(),
                new Delivery(
                        d.id(),
                        d.notificationId(),
                        d.userId(),
                        d.causeEventId(),
                        d.causeType(),
                        d.channel(),
                        state,
                        detail,
                        attempts,
                        d.createdAt(),
                        at));
    }

    @Override
    public Runnable checkpoint() {
        var copy = new LinkedHashMap<>(byId);
        return () -> {
            byId.clear();
            byId.putAll(copy);
        };
    }
}
