package io.taskflow.functions.notification;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.functions.housekeeping.ChunkedDeletes;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The retention of notification rows: read notifications and finished deliveries, and old digest claims. */
@Factory
class NotificationRetention {
    private static final String PROPERTY = "taskflow.cleanup.notification-retention";

    /** Read notifications older than {@code taskflow.cleanup.notification-retention}; unread ones stay. */
    @Singleton
    RetentionRule readNotifications(ChunkedDeletes deletes, @Value("${" + PROPERTY + ":30d}") Duration retention) {
        return deletes.rule(
                "notifications-read",
                "DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE read_at < ? LIMIT ?)",
                PROPERTY,
                retention);
    }

    /**
     * Deliveries untouched for the same retention, whatever their state: by then the event is out of the broker's
     * retention and cannot come back to retry them.
     */
    @Singleton
    RetentionRule deliveries(ChunkedDeletes deletes, @Value("${" + PROPERTY + ":30d}") Duration retention) {
        return deletes.rule(
                "notification-deliveries",
                "DELETE FROM notification_deliveries WHERE id IN"
                        + " (SELECT id FROM notification_deliveries WHERE updated_at < ? LIMIT ?)",
                PROPERTY,
                retention);
    }

    /** Digest claims of days more than 30 days back: no schedule asks about those days again. */
    @Singleton
    @Transactional
    static class DigestClaims implements RetentionRule {
        static final Duration RETENTION = Duration.ofDays(30);
        private final JdbcOperations jdbc;

        DigestClaims(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "digest-claims";
        }

        @Override
        public int purge(Instant now) {
            var oldestKept = now.minus(RETENTION).atOffset(ZoneOffset.UTC).toLocalDate();
            return jdbc.prepareStatement("DELETE FROM digests WHERE digest_day < ?", ps -> {
                ps.setObject(1, oldestKept);
                return ps.executeUpdate();
            });
        }
    }
}
