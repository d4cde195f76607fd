package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.event.EventType;
import io.taskflow.core.notification.Notification;
import io.taskflow.core.notification.NotificationCursor;
import io.taskflow.core.notification.NotificationPage;
import io.taskflow.core.notification.NotificationQuery;
import io.taskflow.core.port.InAppNotifications;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Singleton
@Transactional
class JdbcInAppNotifications implements InAppNotifications {
    private static final String COLUMNS =
            "id, user_id, cause_type, cause_event_id, task_id, title, message, created_at, read_at";

    private final JdbcOperations jdbc;

    JdbcInAppNotifications(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void insert(Notification n) {
        jdbc.prepareStatement("INSERT INTO notifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, n.id());
            ps.setObject(2, n.userId());
            ps.setString(3, n.causeType().typeName());
            ps.setObject(4, n.causeEventId());
            ps.setObject(5, n.taskId());
            ps.setString(6, n.title());
            ps.setString(7, n.message());
            Rows.setInstant(ps, 8, n.createdAt());
            Rows.setInstant(ps, 9, n.readAt());
            return ps.executeUpdate();
        });
    }

    @Override
    @Transactional(readOnly = true)
    public NotificationPage list(NotificationQuery q) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM notifications WHERE user_id = ?");
        if (q.unreadOnly()) {
            sql.append(" AND read_at IS NULL");
        }
        if (q.after() != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        List<Notification> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            int i = 1;
            ps.setObject(i++, q.userId());
            if (q.after() != null) {
                Rows.setInstant(ps, i++, q.after().createdAt());
                Rows.setInstant(ps, i++, q.after().createdAt());
                ps.setObject(i++, q.after().id());
            }
            ps.setInt(i, q.limit() + 1);
            var found = new ArrayList<Notification>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        });
        if (rows.size() <= q.limit()) {
            return new NotificationPage(rows, null);
        }
        var page = rows.subList(0, q.limit());
        return new NotificationPage(page, NotificationCursor.of(page.get(page.size() - 1)));
    }

    @Override
    public boolean markRead(UUID userId, UUID notificationId, Instant at) {
        return jdbc.prepareStatement(
                        "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?", ps -> {
                            Rows.setInstant(ps, 1, at);
                            ps.setObject(2, notificationId);
                            ps.setObject(3, userId);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    private static Notification read(ResultSet rs) throws SQLException {
        return new Notification(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "user_id"),
                EventType.fromTypeName(rs.getString("cause_type")).orElseThrow(),
                Rows.uuid(rs, "cause_event_id"),
                Rows.uuid(rs, "task_id"),
                rs.getString("title"),
                rs.getString("message"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "read_at"));
    }
}
