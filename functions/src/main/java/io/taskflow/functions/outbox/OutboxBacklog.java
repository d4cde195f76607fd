package io.taskflow.functions.outbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How many events wait in the outbox and since when: read by the backlog gauges and the readiness check. */
@Singleton
public class OutboxBacklog {
    /** The backlog at one moment; {@code oldest} is null when nothing waits. */
    public record Snapshot(long pending, Instant oldest) {
        /** How long the oldest pending event has waited at {@code now}; zero when none waits. */
        public Duration oldestAge(Instant now) {
            if (oldest == null || oldest.isAfter(now)) {
                return Duration.ZERO;
            }
            return Duration.between(oldest, now);
        }
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    OutboxBacklog(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public Snapshot read() {
        return tx.executeRead(status ->
                jdbc.prepareStatement("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE published_at IS NULL", ps -> {
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                        return new Snapshot(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                    }
                }));
    }
}
