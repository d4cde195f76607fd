package io.taskflow.functions.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;

@Factory
class IdempotencyKeyRetention {

    /** A retried create is expected within minutes; after a day the key is forgotten and may be reused. */
    @Singleton
    RetentionRule idempotencyKeys(
            ChunkedDeletes deletes, @Value("${taskflow.cleanup.idempotency-retention:24h}") Duration retention) {
        return deletes.rule(
                "idempotency-keys",
                "DELETE FROM idempotency_keys WHERE (owner_id, idem_key) IN"
                        + " (SELECT owner_id, idem_key FROM idempotency_keys WHERE created_at < ? LIMIT ?)",
                "taskflow.cleanup.idempotency-retention",
                retention);
    }
}
