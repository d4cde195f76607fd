package io.taskflow.functions.housekeeping;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deletes old rows a chunk at a time, each chunk in its own short transaction, so a large backlog never holds locks
 * or grows one transaction for long while the application keeps writing.
 */
@Singleton
public class ChunkedDeletes {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final int chunkSize;

    ChunkedDeletes(
            JdbcOperations jdbc,
            TransactionOperations<Connection> tx,
            @Value("${taskflow.cleanup.chunk-size:1000}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("taskflow.cleanup.chunk-size must be positive, was " + chunkSize);
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.chunkSize = chunkSize;
    }

    /**
     * Runs {@code deleteChunk} until a chunk deletes fewer rows than the chunk size.
     *
     * @param deleteChunk a DELETE with two parameters: the cutoff (rows older than it go) and the most rows to delete
     * @return the rows deleted in all
     */
    public int deleteOlderThan(String deleteChunk, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = tx.executeWrite(status -> jdbc.prepareStatement(deleteChunk, ps -> {
                ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                ps.setInt(2, chunkSize);
                return ps.executeUpdate();
            }));
            total += deleted;
        } while (deleted == chunkSize);
        return total;
    }

    /**
     * A rule that deletes, chunk by chunk, the rows older than {@code retention}.
     *
     * @param deleteChunk as for {@link #deleteOlderThan}
     * @param property the configuration property the retention comes from, named when it is not positive
     */
    public RetentionRule rule(String name, String deleteChunk, String property, Duration retention) {
        Duration checked = positive(property, retention);
        return new RetentionRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int purge(Instant now) {
                return deleteOlderThan(deleteChunk, now.minus(checked));
            }
        };
    }

    /** A retention read from configuration, refused at start when it is not positive. */
    public static Duration positive(String property, Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + retention);
        }
        return retention;
    }
}
