package io.taskflow.functions.outbox;

import io.micronaut.context.annotation.Value;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Published outbox rows are kept a while for inspection, then deleted. A row not yet published is never deleted,
 * however old: it is an event still to be sent.
 */
@Singleton
class PublishedOutboxRetention implements RetentionRule {
    private static final String DELETE_CHUNK = "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
            + " WHERE published_at IS NOT NULL AND published_at < ? ORDER BY id LIMIT ?)";

    private final ChunkedDeletes deletes;
    private final Duration retention;

    PublishedOutboxRetention(
            ChunkedDeletes deletes, @Value("${taskflow.cleanup.outbox-retention:7d}") Duration retention) {
        this.deletes = deletes;
        this.retention = ChunkedDeletes.positive("taskflow.cleanup.outbox-retention", retention);
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public int purge(Instant now) {
        return deletes.deleteOlderThan(DELETE_CHUNK, now.minus(retention));
    }
}
