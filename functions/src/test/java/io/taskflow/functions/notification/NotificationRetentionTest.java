package io.taskflow.functions.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.functions.housekeeping.RetentionRule;
import io.taskflow.functions.testing.TestContexts;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationRetentionTest {
    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");

    private ApplicationContext context;
    private JdbcOperations jdbc;
    private TransactionOperations<Connection> tx;
    private Map<String, RetentionRule> rules;

    @BeforeEach
    void start() {
        context = TestContexts.start(Map.of("taskflow.cleanup.notification-retention", "10d"));
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
        rules = context.getBeansOfType(RetentionRule.class).stream()
                .collect(Collectors.toMap(RetentionRule::name, r -> r));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void readNotificationsOlderThanTheRetentionGoAndUnreadOnesStayWhateverTheirAge() {
        notification("old and read", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(11)));
        notification("old and unread", NOW.minus(Duration.ofDays(40)), null);
        notification("read lately", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(9)));

        int purged = rules.get("notifications-read").purge(NOW);

        assertThat(purged).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notifications")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM notifications WHERE title = 'old and read'"))
                .isZero();
    }

    @Test
    void byDefaultReadNotificationsAreKeptThirtyDays() {
        context.close();
        context = TestContexts.start(Map.of());
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
        notification("read a month ago", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(31)));
        notification("read four weeks ago", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(29)));

        var rule = context.getBeansOfType(RetentionRule.class).stream()
                .filter(r -> r.name().equals("notifications-read"))
                .findFirst()
                .orElseThrow();

        assertThat(rule.purge(NOW)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notifications WHERE title = 'read four weeks ago'"))
                .isEqualTo(1);
    }

    @Test
    void deliveriesUntouchedForTheRetentionGo() {
        delivery(NOW.minus(Duration.ofDays(11)));
        delivery(NOW.minus(Duration.ofDays(2)));

        assertThat(rules.get("notification-deliveries").purge(NOW)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notification_deliveries")).isEqualTo(1);
    }

    @Test
    void digestClaimsOfDaysMoreThanThirtyDaysBackGo() {
        LocalDate today = NOW.atOffset(ZoneOffset.UTC).toLocalDate();
        digest(today.minusDays(31));
        digest(today.minusDays(30));
        digest(today);

        assertThat(rules.get("digest-claims").purge(NOW)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM digests")).isEqualTo(2);
    }

    private void notification(String title, Instant createdAt, Instant readAt) {
        update(
                "INSERT INTO notifications (id, user_id, cause_type, cause_event_id, title, message, created_at, read_at)"
                        + " VALUES (?, ?, 'task.created', ?, ?, 'm', ?, ?)",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                title,
                createdAt.atOffset(ZoneOffset.UTC),
                readAt == null ? null : readAt.atOffset(ZoneOffset.UTC));
    }

    private void delivery(Instant updatedAt) {
        update(
                "INSERT INTO notification_deliveries (id, notification_id, user_id, cause_event_id, cause_type, channel,"
                        + " state, created_at, updated_at) VALUES (?, ?, ?, ?, 'task.created', 'email', 'sent', ?, ?)",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                updatedAt.atOffset(ZoneOffset.UTC),
                updatedAt.atOffset(ZoneOffset.UTC));
    }

    private void digest(LocalDate day) {
        update(
                "INSERT INTO digests (user_id, digest_day, claimed_at) VALUES (?, ?, ?)",
                UUID.randomUUID(),
                day,
                NOW.atOffset(ZoneOffset.UTC));
    }

    private void update(String sql, Object... values) {
        tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    ps.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(i + 1, values[i]);
                }
            }
            return ps.executeUpdate();
        }));
    }

    private long count(String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
