package io.taskflow.core.port;

import io.taskflow.core.notification.Delivery;
import io.taskflow.core.notification.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The deliveries of notifications to outside channels, with their state: the ledger that makes sending at most once. */
public interface Deliveries {

    void insert(Delivery delivery);

    /** The deliveries caused by one event, oldest first. */
    List<Delivery> ofCause(UUID causeEventId);

    /**
     * Moves a {@code pending} or {@code failed} delivery to {@code sending} and counts the attempt. Atomic: of two
     * callers, one wins.
     *
     * @return false when the delivery was in another state (sent, skipped, or being sent by someone else)
     */
    boolean claim(UUID deliveryId, Instant at);

    /** Records the outcome of a claimed delivery: {@code sent}, {@code failed} or {@code skipped}, with its detail. */
    void finish(UUID deliveryId, DeliveryState state, String detail, Instant at);
}
