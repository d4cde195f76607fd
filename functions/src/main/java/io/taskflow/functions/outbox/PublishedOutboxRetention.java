package io.taskflow.functions.outbox;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;

@Factory
class PublishedOutboxRetention {

    /**
     * Published outbox rows are kept a while for inspection, then deleted. A row not yet published is never deleted,
     * however old: it is an event still to be sent.
     */
    @Singleton
    RetentionRule publishedOutbox(
            ChunkedDeletes deletes, @Value("${taskflow.cleanup.outbox-retention:7d}") Duration retention) {
        return deletes.rule(
                "outbox",
                "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                        + " WHERE published_at IS NOT NULL AND published_at < ? ORDER BY id LIMIT ?)",
                "taskflow.cleanup.outbox-retention",
                retention);
    }
}
