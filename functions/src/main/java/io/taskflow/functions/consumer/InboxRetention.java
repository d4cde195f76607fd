package io.taskflow.functions.consumer;

import io.micronaut.context.annotation.Value;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Inbox rows are what makes a redelivered event a duplicate, so they must outlive every redelivery: the default, 14
 * days, is longer than the broker's 7-day retention, and an event redelivered from anywhere inside that retention
 * (a consumer group reset, a replay, a redrive) still finds its row and changes nothing twice. Keep it above the
 * broker's retention if either is changed.
 */
@Singleton
class InboxRetention implements RetentionRule {
    private static final String DELETE_CHUNK = "DELETE FROM inbox WHERE (consumer, event_id) IN"
            + " (SELECT consumer, event_id FROM inbox WHERE processed_at < ? LIMIT ?)";

    private final ChunkedDeletes deletes;
    private final Duration retention;

    InboxRetention(ChunkedDeletes deletes, @Value("${taskflow.cleanup.inbox-retention:14d}") Duration retention) {
        this.deletes = deletes;
        this.retention = ChunkedDeletes.positive("taskflow.cleanup.inbox-retention", retention);
    }

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public int purge(Instant now) {
        return deletes.deleteOlderThan(DELETE_CHUNK, now.minus(retention));
    }
}
