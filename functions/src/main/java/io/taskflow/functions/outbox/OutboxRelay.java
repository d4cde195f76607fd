package io.taskflow.functions.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.taskflow.core.event.EventEnvelope;
import io.taskflow.core.port.TimeSource;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves outbox rows to the broker: takes the relay lock (one relay at a time, so events of one aggregate leave in the
 * order they were written), reads the oldest unpublished rows, publishes them, and marks those the broker
 * acknowledged. Rows the broker refused stay unpublished and are tried again; a crash before the mark republishes
 * them, which consumers absorb by event id. Shared by every runtime: the container's background loop and the
 * functions' post-commit flush and scheduled sweep all call {@link #relayBatch()}.
 */
@Singleton
@Requires(beans = EnvelopePublisher.class)
public class OutboxRelay {
    private static final String PENDING = "SELECT id, event_id, event_type, source, subject, occurred_at, data_schema,"
            + " correlation_id, traceparent, tracestate, data FROM outbox WHERE published_at IS NULL"
            + " ORDER BY id LIMIT ?";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final EnvelopePublisher publisher;
    private final TimeSource time;
    private final int batchSize;
    private final MeterRegistry meters;

    public OutboxRelay(
            JdbcOperations jdbc,
            TransactionOperations<Connection> tx,
            EnvelopePublisher publisher,
            TimeSource time,
            @Value("${taskflow.outbox.batch-size:500}") int batchSize,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.time = time;
        this.batchSize = batchSize;
        this.meters = meters;
    }

    /** The outcome of one batch: how many rows went out, how many the broker refused, and whether rows remain. */
    public record Result(int published, int failed, boolean more) {
        static final Result IDLE = new Result(0, 0, false);
    }

    /** Publishes one batch; {@link Result#IDLE} when there is nothing to do or another relay holds the lock. */
    public Result relayBatch() {
        return tx.executeWrite(status -> {
            if (!lockRelay()) {
                return Result.IDLE;
            }
            List<PendingEvent> batch = pending();
            if (batch.isEmpty()) {
                return Result.IDLE;
            }
            Map<String, String> failed =
                    publisher.publish(batch.stream().map(PendingEvent::envelope).toList());
            var published = new ArrayList<Long>();
            var refused = new ArrayList<PendingEvent>();
            for (PendingEvent p : batch) {
                if (failed.containsKey(p.envelope().id())) {
                    refused.add(p);
                } else {
                    published.add(p.position());
                    meters.counter(
                                    "taskflow.events.published",
                                    "type",
                                    p.envelope().type())
                            .increment();
                }
            }
            markPublished(published);
            recordFailure(refused, failed);
            return new Result(published.size(), refused.size(), batch.size() == batchSize);
        });
    }

    /** Relays until the outbox is empty or the broker refuses something; returns the number published. */
    public int drain() {
        int total = 0;
        Result r;
        do {
            r = relayBatch();
            total += r.published();
        } while (r.more() && r.failed() == 0);
        return total;
    }

    private boolean lockRelay() {
        return jdbc.prepareStatement("SELECT id FROM outbox_relay_lock WHERE id = 1 FOR UPDATE SKIP LOCKED", ps -> {
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private List<PendingEvent> pending() {
        return jdbc.prepareStatement(PENDING, ps -> {
            ps.setInt(1, batchSize);
            var rows = new ArrayList<PendingEvent>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingEvent(rs.getLong("id"), envelope(rs)));
                }
            }
            return rows;
        });
    }

    private static EventEnvelope envelope(ResultSet rs) throws SQLException {
        String subject = rs.getString("subject");
        return new EventEnvelope(
                rs.getObject("event_id", java.util.UUID.class).toString(),
                rs.getString("source"),
                rs.getString("event_type"),
                subject,
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getString("data_schema"),
                subject,
                rs.getString("correlation_id"),
                rs.getString("traceparent"),
                rs.getString("tracestate"),
                rs.getString("data").getBytes(StandardCharsets.UTF_8));
    }

    private void markPublished(List<Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        var now = time.now().atOffset(java.time.ZoneOffset.UTC);
        jdbc.prepareStatement("UPDATE outbox SET published_at = ?, attempts = attempts + 1 WHERE id = ?", ps -> {
            for (long id : positions) {
                ps.setObject(1, now);
                ps.setLong(2, id);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private void recordFailure(List<PendingEvent> refused, Map<String, String> reasons) {
        if (refused.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", ps -> {
            for (PendingEvent p : refused) {
                String reason = String.valueOf(reasons.get(p.envelope().id()));
                ps.setString(1, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                ps.setLong(2, p.position());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }
}
