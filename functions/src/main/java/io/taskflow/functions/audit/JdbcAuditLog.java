package io.taskflow.functions.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.audit.AuditEntry;
import io.taskflow.core.audit.AuditQuery;
import io.taskflow.core.audit.AuditRecord;
import io.taskflow.core.audit.ChainHead;
import io.taskflow.core.port.AuditLog;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Singleton
class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS =
            "seq, event_id, type, subject, user_id, occurred_at, recorded_at, source, data, prev_hash, hash";

    private final JdbcOperations jdbc;

    JdbcAuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ChainHead lockHead() {
        return readHead("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
    }

    @Override
    @Transactional(readOnly = true)
    public ChainHead head() {
        return readHead("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean contains(UUID eventId) {
        return jdbc.prepareStatement("SELECT 1 FROM audit_log WHERE event_id = ?", ps -> {
            ps.setObject(1, eventId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(AuditEntry entry) {
        AuditRecord r = entry.record();
        jdbc.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, entry.seq());
                    ps.setObject(2, r.eventId());
                    ps.setString(3, r.type());
                    ps.setObject(4, r.subject());
                    ps.setObject(5, r.userId());
                    ps.setObject(6, utc(r.occurredAt()));
                    ps.setObject(7, utc(r.recordedAt()));
                    ps.setString(8, r.source());
                    ps.setString(9, r.data());
                    ps.setString(10, entry.prevHash());
                    ps.setString(11, entry.hash());
                    return ps.executeUpdate();
                });
        int moved = jdbc.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1 AND last_seq = ?", ps -> {
                    ps.setLong(1, entry.seq());
                    ps.setString(2, entry.hash());
                    ps.setLong(3, entry.seq() - 1);
                    return ps.executeUpdate();
                });
        if (moved != 1) {
            // Only possible when the head was not locked first: refuse rather than fork the chain.
            throw new IllegalStateException("the audit chain head moved under entry " + entry.seq());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> entriesAfter(long seq, int limit) {
        return query("SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery q) {
        return query(
                "SELECT " + COLUMNS + " FROM audit_log WHERE subject = ? AND user_id = ? AND seq > ?"
                        + " ORDER BY seq LIMIT ?",
                ps -> {
                    ps.setObject(1, q.subject());
                    ps.setObject(2, q.userId());
                    ps.setLong(3, q.afterSeq());
                    ps.setInt(4, q.limit() + 1);
                });
    }

    private ChainHead readHead(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit_chain_head has no row: migration V4 did not run");
                }
                return new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash"));
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<AuditEntry> query(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            var entries = new ArrayList<AuditEntry>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(read(rs));
                }
            }
            return entries;
        });
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        var record = new AuditRecord(
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                rs.getObject("subject", UUID.class),
                rs.getObject("user_id", UUID.class),
                instant(rs, "occurred_at"),
                instant(rs, "recorded_at"),
                rs.getString("source"),
                rs.getString("data"));
        return new AuditEntry(rs.getLong("seq"), record, rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
