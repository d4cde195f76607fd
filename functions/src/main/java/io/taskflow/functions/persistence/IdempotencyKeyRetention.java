package io.taskflow.functions.persistence;

import io.micronaut.context.annotation.Value;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * An Idempotency-Key answers retries of one request; a client retries within minutes, not days. After the retention
 * (24 hours by default) the same key is a new request.
 */
@Singleton
class IdempotencyKeyRetention implements RetentionRule {
    private static final String DELETE_CHUNK = "DELETE FROM idempotency_keys WHERE (owner_id, idem_key) IN"
            + " (SELECT owner_id, idem_key FROM idempotency_keys WHERE created_at < ? LIMIT ?)";

    private final ChunkedDeletes deletes;
    private final Duration retention;

    IdempotencyKeyRetention(
            ChunkedDeletes deletes, @Value("${taskflow.cleanup.idempotency-retention:24h}") Duration retention) {
        this.deletes = deletes;
        this.retention = ChunkedDeletes.positive("taskflow.cleanup.idempotency-retention", retention);
    }

    @Override
    public String name() {
        return "idempotency-keys";
    }

    @Override
    public int purge(Instant now) {
        return deletes.deleteOlderThan(DELETE_CHUNK, now.minus(retention));
    }
}
