package io.taskflow.functions.consumer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts failed deliveries per consumer and event, for triggers that redeliver without saying how often they already
 * did (an MSK trigger redelivering what the partial batch response names, a Pub/Sub push without a delivery attempt):
 * the retry policy needs the attempt number to know when to dead-letter.
 */
@Singleton
public class DeliveryAttempts {
    private static final int CHUNK = 500;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final TimeSource time;

    DeliveryAttempts(JdbcOperations jdbc, TransactionOperations<Connection> tx, TimeSource time) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.time = time;
    }

    /** How many times each event already failed for the consumer; absent means never. */
    public Map<String, Integer> failures(String consumer, List<String> eventIds) {
        var found = new HashMap<String, Integer>();
        for (List<String> chunk : chunks(eventIds)) {
            String sql = "SELECT event_id, failures FROM delivery_attempts WHERE consumer = ? AND event_id IN ("
                    + placeholders(chunk.size()) + ")";
            tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
                ps.setString(1, consumer);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return null;
            }));
        }
        return found;
    }

    /** Counts one more failure for each event that failed (not those held back behind another). */
    public void failed(String consumer, List<BatchOutcome.Retry> retries) {
        List<BatchOutcome.Retry> failed =
                retries.stream().filter(r -> !r.heldBack()).toList();
        if (failed.isEmpty()) {
            return;
        }
        var now = time.now().atOffset(ZoneOffset.UTC);
        tx.executeWrite(status -> {
            for (BatchOutcome.Retry retry : failed) {
                String eventId = retry.delivery().event().id();
                String error = cut(retry.error());
                int updated = jdbc.prepareStatement(
                        "UPDATE delivery_attempts SET failures = failures + 1, last_error = ?, updated_at = ?"
                                + " WHERE consumer = ? AND event_id = ?",
                        ps -> {
                            ps.setString(1, error);
                            ps.setObject(2, now);
                            ps.setString(3, consumer);
                            ps.setString(4, eventId);
                            return ps.executeUpdate();
                        });
                if (updated == 0) {
                    jdbc.prepareStatement(
                            "INSERT INTO delivery_attempts (consumer, event_id, failures, last_error, updated_at)"
                                    + " VALUES (?, ?, 1, ?, ?) ON CONFLICT DO NOTHING",
                            ps -> {
                                ps.setString(1, consumer);
                                ps.setString(2, eventId);
                                ps.setString(3, error);
                                ps.setObject(4, now);
                                return ps.executeUpdate();
                            });
                }
            }
            return null;
        });
    }

    /** Forgets the events that settled: processed, recognised as duplicates, or dead-lettered. */
    public void settled(String consumer, Collection<String> eventIds) {
        for (List<String> chunk : chunks(List.copyOf(eventIds))) {
            String sql = "DELETE FROM delivery_attempts WHERE consumer = ? AND event_id IN ("
                    + placeholders(chunk.size()) + ")";
            tx.executeWrite(status -> jdbc.prepareStatement(sql, ps -> {
                ps.setString(1, consumer);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                return ps.executeUpdate();
            }));
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String cut(String error) {
        String text = error == null ? "" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
