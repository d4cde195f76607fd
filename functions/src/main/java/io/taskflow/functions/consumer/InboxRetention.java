package io.taskflow.functions.consumer;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;

@Factory
class InboxRetention {

    /**
     * Inbox rows are what makes a redelivered event a duplicate, so they must outlive every redelivery: the default, 14
     * days, is longer than the broker's 7-day retention, and an event redelivered from anywhere inside that retention
     * (a consumer group reset, a replay, a redrive) still finds its row and changes nothing twice. Keep it above the
     * broker's retention if either is changed.
     */
    @Singleton
    RetentionRule inbox(ChunkedDeletes deletes, @Value("${taskflow.cleanup.inbox-retention:14d}") Duration retention) {
        return deletes.rule(
                "inbox",
                "DELETE FROM inbox WHERE (consumer, event_id) IN"
                        + " (SELECT consumer, event_id FROM inbox WHERE processed_at < ? LIMIT ?)",
                "taskflow.cleanup.inbox-retention",
                retention);
    }
}
