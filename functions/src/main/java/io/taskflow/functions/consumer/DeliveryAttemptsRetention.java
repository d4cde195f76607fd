package io.taskflow.functions.consumer;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;

@Factory
class DeliveryAttemptsRetention {

    /**
     * A counter row outlives its event only when the event was never delivered again (it moved on through the trigger's
     * own failure destination: an MSK batch's, a Pub/Sub subscription's dead-letter topic); after the broker's 7-day
     * retention nothing can redeliver it.
     */
    @Singleton
    RetentionRule deliveryAttempts(
            ChunkedDeletes deletes, @Value("${taskflow.cleanup.delivery-attempts-retention:14d}") Duration retention) {
        return deletes.rule(
                "delivery_attempts",
                "DELETE FROM delivery_attempts WHERE (consumer, event_id) IN"
                        + " (SELECT consumer, event_id FROM delivery_attempts WHERE updated_at < ? LIMIT ?)",
                "taskflow.cleanup.delivery-attempts-retention",
                retention);
    }
}
