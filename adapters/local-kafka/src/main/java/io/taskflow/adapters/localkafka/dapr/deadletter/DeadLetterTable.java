package io.taskflow.adapters.localkafka.dapr.deadletter;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.adapters.localkafka.runtime.DaprRuntime;
import io.taskflow.functions.consumer.DeadLetterQueues;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dead_letters} table: where the Dapr runtime keeps what its consumers gave up on, since a topic behind the
 * sidecar cannot be read on demand. Each write is its own short transaction.
 */
@Singleton
@DaprRuntime
public class DeadLetterTable {
    /** As the Kafka runtime's header: an error message is cut so that a dead letter can always be written. */
    static final int MAX_ERROR = 2_000;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    public DeadLetterTable(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * @param event the CloudEvent as it arrived (JSON), kept unchanged for the redrive
     */
    public record Row(
            long id,
            String consumer,
            String eventId,
            String type,
            String subject,
            String event,
            String error,
            int attempts,
            boolean permanent,
            Instant failedAt) {

        DeadLetterQueues.Letter letter() {
            return new DeadLetterQueues.Letter(eventId, type, subject, error, attempts, permanent, failedAt);
        }
    }

    public void insert(
            String consumer,
            String eventId,
            String type,
            String subject,
            String event,
            String error,
            int attempts,
            boolean permanent,
            Instant failedAt) {
        String cut = error == null ? "" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        tx.executeWrite(s -> jdbc.prepareStatement(
                "INSERT INTO dead_letters (consumer, event_id, event_type, subject, event, error, attempts, permanent,"
                        + " failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, consumer);
                    ps.setString(2, eventId);
                    ps.setString(3, type);
                    ps.setString(4, subject);
                    ps.setString(5, event);
                    ps.setString(6, cut);
                    ps.setInt(7, attempts);
                    ps.setBoolean(8, permanent);
                    ps.setObject(9, failedAt.atOffset(ZoneOffset.UTC));
                    return ps.executeUpdate();
                }));
    }

    /** The oldest pending dead letters of a consumer. */
    public List<Row> pending(String consumer, int limit) {
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT id, consumer, event_id, event_type, subject, event, error, attempts, permanent, failed_at"
                        + " FROM dead_letters WHERE consumer = ? AND redriven_at IS NULL ORDER BY id LIMIT ?",
                ps -> {
                    ps.setString(1, consumer);
                    ps.setInt(2, limit);
                    var rows = new ArrayList<Row>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(row(rs));
                        }
                    }
                    return rows;
                }));
    }

    /** Pending dead letters per consumer; a consumer without any is absent. */
    public Map<String, Long> pendingCounts() {
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT consumer, COUNT(*) FROM dead_letters WHERE redriven_at IS NULL GROUP BY consumer", ps -> {
                    var counts = new HashMap<String, Long>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                    return counts;
                }));
    }

    public void markRedriven(long id, Instant at) {
        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE dead_letters SET redriven_at = ? WHERE id = ?", ps -> {
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setLong(2, id);
            return ps.executeUpdate();
        }));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("consumer"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("subject"),
                rs.getString("event"),
                rs.getString("error"),
                rs.getInt("attempts"),
                rs.getBoolean("permanent"),
                rs.getObject("failed_at", OffsetDateTime.class).toInstant());
    }
}
