package io.taskflow.functions.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.functions.testing.TestContexts;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clean-up job on H2, with the default retentions and chunks of two rows. */
class HousekeepingTest {
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    private ApplicationContext context;
    private JdbcOperations jdbc;
    private TransactionOperations<Connection> tx;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() {
        context = TestContexts.start(Map.of("taskflow.cleanup.chunk-size", 2));
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void oldRowsGoInChunksAndRecentOnesStay() {
        for (int i = 0; i < 5; i++) {
            outboxRow(
                    ago(Duration.ofDays(7).plus(A_MINUTE)),
                    ago(Duration.ofDays(7).plus(A_MINUTE)));
            inboxRow(ago(Duration.ofDays(14).plus(A_MINUTE)));
            idempotencyKey(ago(Duration.ofHours(24).plus(A_MINUTE)));
        }
        long keptOutbox =
                outboxRow(ago(Duration.ofDays(8)), ago(Duration.ofDays(7).minus(A_MINUTE)));
        String keptInbox = inboxRow(ago(Duration.ofDays(14).minus(A_MINUTE)));
        String keptKey = idempotencyKey(ago(Duration.ofHours(24).minus(A_MINUTE)));

        Map<String, Integer> purged = context.getBean(Housekeeping.class).run();

        // Other tables' rules (notifications, digests) run too, with nothing of theirs to delete here.
        assertThat(purged).containsAllEntriesOf(Map.of("outbox", 5, "inbox", 5, "idempotency-keys", 5));
        assertThat(purged.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(15);
        assertThat(ids("SELECT id FROM outbox")).containsExactly(String.valueOf(keptOutbox));
        assertThat(ids("SELECT event_id FROM inbox")).containsExactly(keptInbox);
        assertThat(ids("SELECT idem_key FROM idempotency_keys")).containsExactly(keptKey);
    }

    @Test
    void anUnpublishedOutboxRowIsNeverDeletedHoweverOld() {
        long pending = outboxRow(ago(Duration.ofDays(365)), null);

        Map<String, Integer> purged = context.getBean(Housekeeping.class).run();

        assertThat(purged).containsEntry("outbox", 0);
        assertThat(ids("SELECT id FROM outbox")).containsExactly(String.valueOf(pending));
    }

    @Test
    void aSecondRunFindsNothingLeftToDelete() {
        inboxRow(ago(Duration.ofDays(30)));
        var housekeeping = context.getBean(Housekeeping.class);

        housekeeping.run();

        Map<String, Integer> second = housekeeping.run();
        assertThat(second).containsKeys("outbox", "inbox", "idempotency-keys");
        assertThat(second.values()).containsOnly(0);
    }

    private static OffsetDateTime ago(Duration duration) {
        return Instant.now().minus(duration).atOffset(ZoneOffset.UTC);
    }

    private long outboxRow(OffsetDateTime createdAt, OffsetDateTime publishedAt) {
        String subject = UUID.randomUUID().toString();
        return tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO outbox (event_id, event_type, source, subject, occurred_at, data_schema, data,"
                        + " created_at, published_at) VALUES (?, 'task.deleted', '/taskflow/test', ?, ?,"
                        + " 'urn:taskflow:schema:task.deleted:v1', '{}', ?, ?)",
                ps -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, subject);
                    ps.setObject(3, createdAt);
                    ps.setObject(4, createdAt);
                    ps.setObject(5, publishedAt);
                    ps.executeUpdate();
                    return Long.valueOf(ids("SELECT id FROM outbox WHERE subject = '" + subject + "'")
                            .get(0));
                }));
    }

    private String inboxRow(OffsetDateTime processedAt) {
        String eventId = UUID.randomUUID().toString();
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO inbox (consumer, event_id, processed_at) VALUES ('audit', ?, ?)", ps -> {
                    ps.setString(1, eventId);
                    ps.setObject(2, processedAt);
                    return ps.executeUpdate();
                }));
        return eventId;
    }

    private String idempotencyKey(OffsetDateTime createdAt) {
        String key = "key-" + UUID.randomUUID();
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO idempotency_keys (owner_id, idem_key, request_hash, status, body, created_at)"
                        + " VALUES (?, ?, 'hash', 201, '{}', ?)",
                ps -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, key);
                    ps.setObject(3, createdAt);
                    return ps.executeUpdate();
                }));
        return key;
    }

    private java.util.List<String> ids(String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            var ids = new java.util.ArrayList<String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }));
    }
}
