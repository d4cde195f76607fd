package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * The first response given to each (caller, Idempotency-Key), stored in the transaction of the write it answered, so
 * a retry gets the same answer and the write happens once.
 */
@Singleton
@Transactional
public class IdempotencyRecords {
    private final JdbcOperations jdbc;
    private final TimeSource time;

    IdempotencyRecords(JdbcOperations jdbc, TimeSource time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** @param requestHash SHA-256 of the request body, hex */
    public record Recorded(String requestHash, int status, String location, String etag, String body) {}

    public Optional<Recorded> find(UUID ownerId, String key) {
        return jdbc.prepareStatement(
                "SELECT request_hash, status, location, etag, body FROM idempotency_keys WHERE owner_id = ? AND idem_key = ?",
                ps -> {
                    ps.setObject(1, ownerId);
                    ps.setString(2, key);
                    try (var rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new Recorded(
                                rs.getString("request_hash"),
                                rs.getInt("status"),
                                rs.getString("location"),
                                rs.getString("etag"),
                                rs.getString("body")));
                    }
                });
    }

    /** @throws RuntimeException with a unique violation when a concurrent request stored the key first */
    public void insert(UUID ownerId, String key, Recorded recorded) {
        jdbc.prepareStatement(
                "INSERT INTO idempotency_keys (owner_id, idem_key, request_hash, status, location, etag, body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, ownerId);
                    ps.setString(2, key);
                    ps.setString(3, recorded.requestHash());
                    ps.setInt(4, recorded.status());
                    ps.setString(5, recorded.location());
                    ps.setString(6, recorded.etag());
                    ps.setString(7, recorded.body());
                    Rows.setInstant(ps, 8, time.now());
                    return ps.executeUpdate();
                });
    }

    public static boolean isDuplicateKey(Throwable e) {
        return Rows.isUniqueViolation(e);
    }
}
