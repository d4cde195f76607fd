package io.taskflow.functions.analytics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.taskflow.core.analytics.TrackTaskActivity;
import io.taskflow.core.analytics.Tracked;
import io.taskflow.core.audit.AuditRecord;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.Transactions;
import io.taskflow.functions.consumer.ReceivedEvents;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the analytics read model from the audit trail, which keeps every event's data exactly as it travelled:
 * empties the projection and the daily counters, then replays the trail's task events, each task's in the order they
 * happened, through the analytics consumer's own logic ({@link TrackTaskActivity}). One transaction: readers see the old numbers until the
 * new ones are complete, and a failure leaves the old ones. On PostgreSQL the two tables are locked against writes
 * meanwhile, so the analytics consumer waits and then applies only what the trail did not hold yet (events it had
 * applied before are older than what the replay stored, and change nothing). The business metrics are not counted
 * again: they count what happened since the process started, not what the database holds.
 */
@Singleton
public class AnalyticsRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRebuild.class);
    static final int PAGE_SIZE = 500;

    private final Transactions tx;
    private final JdbcOperations jdbc;
    private final ReceivedEvents received;
    private final TrackTaskActivity track;
    private final AnalyticsConsumer consumer;

    AnalyticsRebuild(
            Transactions tx,
            JdbcOperations jdbc,
            ReceivedEvents received,
            TrackTaskActivity track,
            AnalyticsConsumer consumer) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.received = received;
        this.track = track;
        this.consumer = consumer;
    }

    /**
     * @param replayed task events read from the audit trail and given to the analytics logic
     * @param applied of those, the ones that changed the projection (the others were older than what it held)
     */
    @Serdeable
    public record Result(long replayed, long applied) {}

    public Result rebuild() {
        long started = System.nanoTime();
        Result result = tx.inTransaction(() -> {
            lockTablesOnPostgresql();
            jdbc.prepareStatement("DELETE FROM analytics_daily", ps -> ps.executeUpdate());
            jdbc.prepareStatement("DELETE FROM analytics_tasks", ps -> ps.executeUpdate());
            return replay();
        });
        LOG.info(
                "analytics rebuilt from the audit trail: {} task events replayed, {} applied, in {} ms",
                result.replayed(),
                result.applied(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /**
     * Task by task, each task's events in the order they happened. Not in the trail's own order: that is the order
     * the audit consumer received them, and a task's events travel on different topics (task.created,
     * task.completed, ...), so they may reach it in another order than they happened.
     */
    private Result replay() {
        long replayed = 0;
        long applied = 0;
        Cursor after = Cursor.START;
        List<Row> page;
        do {
            page = page(after);
            for (Row row : page) {
                replayed++;
                if (!track.track(received.read(envelope(row.record()))).equals(Tracked.NOTHING)) {
                    applied++;
                }
            }
            if (!page.isEmpty()) {
                Row last = page.get(page.size() - 1);
                after = new Cursor(last.record().subject(), last.record().occurredAt(), last.seq());
            }
        } while (page.size() == PAGE_SIZE);
        return new Result(replayed, applied);
    }

    private record Cursor(UUID subject, Instant occurredAt, long seq) {
        // The nil UUID sorts first: databases compare UUIDs as unsigned bytes.
        static final Cursor START = new Cursor(new UUID(0, 0), Instant.EPOCH, 0);
    }

    private record Row(long seq, AuditRecord record) {}

    private List<Row> page(Cursor after) {
        String types =
                consumer.types().stream().map(t -> "'" + t.typeName() + "'").collect(Collectors.joining(", "));
        return jdbc.prepareStatement(
                "SELECT seq, event_id, type, subject, user_id, occurred_at, recorded_at, source, data FROM audit_log"
                        + " WHERE type IN (" + types + ") AND (subject > ? OR (subject = ? AND (occurred_at > ?"
                        + " OR (occurred_at = ? AND seq > ?)))) ORDER BY subject, occurred_at, seq LIMIT ?",
                ps -> {
                    OffsetDateTime at = after.occurredAt().atOffset(ZoneOffset.UTC);
                    ps.setObject(1, after.subject());
                    ps.setObject(2, after.subject());
                    ps.setObject(3, at);
                    ps.setObject(4, at);
                    ps.setLong(5, after.seq());
                    ps.setInt(6, PAGE_SIZE);
                    var rows = new ArrayList<Row>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Row(
                                    rs.getLong("seq"),
                                    new AuditRecord(
                                            rs.getObject("event_id", UUID.class),
                                            rs.getString("type"),
                                            rs.getObject("subject", UUID.class),
                                            rs.getObject("user_id", UUID.class),
                                            rs.getObject("occurred_at", OffsetDateTime.class)
                                                    .toInstant(),
                                            rs.getObject("recorded_at", OffsetDateTime.class)
                                                    .toInstant(),
                                            rs.getString("source"),
                                            rs.getString("data"))));
                        }
                    }
                    return rows;
                });
    }

    /** The event as it was delivered: the trail keeps its id, type, source, subject, time and data. */
    private static EventEnvelope envelope(AuditRecord r) {
        return new EventEnvelope(
                r.eventId().toString(),
                r.source(),
                r.type(),
                r.subject().toString(),
                r.occurredAt(),
                null,
                r.subject().toString(),
                null,
                null,
                null,
                r.data().getBytes(StandardCharsets.UTF_8));
    }

    private void lockTablesOnPostgresql() {
        jdbc.execute(connection -> {
            try {
                if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("LOCK TABLE analytics_tasks, analytics_daily IN EXCLUSIVE MODE");
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot lock the analytics tables", e);
            }
        });
    }
}
