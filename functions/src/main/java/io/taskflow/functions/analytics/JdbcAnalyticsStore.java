package io.taskflow.functions.analytics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.analytics.AnalyticsScope;
import io.taskflow.core.analytics.DailyCounts;
import io.taskflow.core.analytics.TaskFacts;
import io.taskflow.core.port.AnalyticsStore;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class JdbcAnalyticsStore implements AnalyticsStore {
    private static final String ADD = "UPDATE analytics_daily SET created = created + ?, completed = completed + ?,"
            + " completion_count = completion_count + ?, completion_millis = completion_millis + ?"
            + " WHERE owner_id = ? AND utc_day = ?";
    /** {@link io.taskflow.core.analytics.OverdueRule#wasOverdue} in SQL: past due, not completed or deleted by then. */
    private static final String WAS_OVERDUE = " due_at < ? AND (completed_at IS NULL OR completed_at > due_at)"
            + " AND (deleted_at IS NULL OR deleted_at > due_at)";

    private final JdbcOperations jdbc;

    JdbcAnalyticsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<TaskFacts> findForUpdate(UUID taskId) {
        return jdbc.prepareStatement(
                "SELECT task_id, owner_id, created_at, due_at, completed_at, deleted_at, version"
                        + " FROM analytics_tasks WHERE task_id = ? FOR UPDATE",
                ps -> {
                    ps.setObject(1, taskId);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                    }
                });
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(TaskFacts facts) {
        jdbc.prepareStatement(
                "INSERT INTO analytics_tasks (owner_id, created_at, due_at, due_day, completed_at, deleted_at, version,"
                        + " task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    bind(ps, facts);
                    return ps.executeUpdate();
                });
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void update(TaskFacts facts) {
        jdbc.prepareStatement(
                "UPDATE analytics_tasks SET owner_id = ?, created_at = ?, due_at = ?, due_day = ?, completed_at = ?,"
                        + " deleted_at = ?, version = ? WHERE task_id = ?",
                ps -> {
                    bind(ps, facts);
                    return ps.executeUpdate();
                });
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void add(UUID ownerId, DailyCounts increment) {
        if (addTo(ownerId, increment) == 1) {
            return;
        }
        int inserted = jdbc.prepareStatement(
                "INSERT INTO analytics_daily (created, completed, completion_count, completion_millis, owner_id,"
                        + " utc_day) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                ps -> {
                    bindCounts(ps, ownerId, increment);
                    return ps.executeUpdate();
                });
        // Another consumer created the day's row between the two statements: add to it.
        if (inserted == 0 && addTo(ownerId, increment) != 1) {
            throw new IllegalStateException("no counters row for " + ownerId + " on " + increment.day());
        }
    }

    private int addTo(UUID ownerId, DailyCounts increment) {
        return jdbc.prepareStatement(ADD, ps -> {
            bindCounts(ps, ownerId, increment);
            return ps.executeUpdate();
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<DailyCounts> daily(AnalyticsScope scope, LocalDate from, LocalDate to) {
        String sql = scope instanceof AnalyticsScope.Owner
                ? "SELECT utc_day, created, completed, completion_count, completion_millis FROM analytics_daily"
                        + " WHERE utc_day BETWEEN ? AND ? AND owner_id = ? ORDER BY utc_day"
                : "SELECT utc_day, SUM(created) AS created, SUM(completed) AS completed,"
                        + " SUM(completion_count) AS completion_count, SUM(completion_millis) AS completion_millis"
                        + " FROM analytics_daily WHERE utc_day BETWEEN ? AND ? GROUP BY utc_day ORDER BY utc_day";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, from);
            ps.setObject(2, to);
            if (scope instanceof AnalyticsScope.Owner owner) {
                ps.setObject(3, owner.ownerId());
            }
            var days = new ArrayList<DailyCounts>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new DailyCounts(
                            rs.getObject("utc_day", LocalDate.class),
                            rs.getLong("created"),
                            rs.getLong("completed"),
                            rs.getLong("completion_count"),
                            rs.getLong("completion_millis")));
                }
            }
            return days;
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> overdueByDueDay(AnalyticsScope scope, LocalDate from, LocalDate to, Instant asOf) {
        String sql = "SELECT due_day, COUNT(*) AS overdue FROM analytics_tasks WHERE due_day BETWEEN ? AND ? AND"
                + WAS_OVERDUE + (scope instanceof AnalyticsScope.Owner ? " AND owner_id = ?" : "")
                + " GROUP BY due_day";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.setObject(3, utc(asOf));
            if (scope instanceof AnalyticsScope.Owner owner) {
                ps.setObject(4, owner.ownerId());
            }
            var counts = new HashMap<LocalDate, Long>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getObject("due_day", LocalDate.class), rs.getLong("overdue"));
                }
            }
            return counts;
        });
    }

    @Override
    @Transactional(readOnly = true)
    public long overdueNow(Instant now) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*) FROM analytics_tasks WHERE due_at < ? AND completed_at IS NULL AND deleted_at IS NULL",
                ps -> {
                    ps.setObject(1, utc(now));
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    private static void bind(PreparedStatement ps, TaskFacts f) throws SQLException {
        ps.setObject(1, f.ownerId());
        setInstant(ps, 2, f.createdAt());
        setInstant(ps, 3, f.dueAt());
        if (f.dueDay() == null) {
            ps.setNull(4, Types.DATE);
        } else {
            ps.setObject(4, f.dueDay());
        }
        setInstant(ps, 5, f.completedAt());
        setInstant(ps, 6, f.deletedAt());
        ps.setLong(7, f.version());
        ps.setObject(8, f.taskId());
    }

    private static void bindCounts(PreparedStatement ps, UUID ownerId, DailyCounts c) throws SQLException {
        ps.setLong(1, c.created());
        ps.setLong(2, c.completed());
        ps.setLong(3, c.completionCount());
        ps.setLong(4, c.completionMillis());
        ps.setObject(5, ownerId);
        ps.setObject(6, c.day());
    }

    private static TaskFacts read(ResultSet rs) throws SQLException {
        return new TaskFacts(
                rs.getObject("task_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "due_at"),
                instant(rs, "completed_at"),
                instant(rs, "deleted_at"),
                rs.getLong("version"));
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, utc(value));
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
