package io.taskflow.functions.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.functions.housekeeping.RetentionRule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The retention of notification rows: read notifications and finished deliveries, and old digest claims. */
final class NotificationRetention {
    private NotificationRetention() {}

    /** Read notifications older than {@code taskflow.cleanup.notification-retention}; unread ones stay. */
    @Singleton
    @Transactional
    static class ReadNotifications implements RetentionRule {
        private final JdbcOperations jdbc;
        private final Duration retention;

        ReadNotifications(
                JdbcOperations jdbc, @Value("${taskflow.cleanup.notification-retention:30d}") Duration retention) {
            this.jdbc = jdbc;
            this.retention = retention;
        }

        @Override
        public String name() {
            return "notifications-read";
        }

        @Override
        public int purge(Instant now) {
            return delete(jdbc, "DELETE FROM notifications WHERE read_at < ?", now.minus(retention));
        }
    }

    /**
     * Deliveries untouched for the same retention, whatever their state: by then the event is out of the broker's
     * retention and cannot come back to retry them.
     */
    @Singleton
    @Transactional
    static class Deliveries implements RetentionRule {
        private final JdbcOperations jdbc;
        private final Duration retention;

        Deliveries(JdbcOperations jdbc, @Value("${taskflow.cleanup.notification-retention:30d}") Duration retention) {
            this.jdbc = jdbc;
            this.retention = retention;
        }

        @Override
        public String name() {
            return "notification-deliveries";
        }

        @Override
        public int purge(Instant now) {
            return delete(jdbc, "DELETE FROM notification_deliveries WHERE updated_at < ?", now.minus(retention));
        }
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

    private static int delete(JdbcOperations jdbc, String sql, Instant before) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, before.atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
        });
    }
}
