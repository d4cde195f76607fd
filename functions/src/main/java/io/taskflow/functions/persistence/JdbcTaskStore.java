package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.port.TaskStore;
import io.taskflow.core.task.Priority;
import io.taskflow.core.task.RecurrenceRule;
import io.taskflow.core.task.Task;
import io.taskflow.core.task.TaskCursor;
import io.taskflow.core.task.TaskDetails;
import io.taskflow.core.task.TaskPage;
import io.taskflow.core.task.TaskQuery;
import io.taskflow.core.task.TaskStatus;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Singleton
@Transactional
class JdbcTaskStore implements TaskStore {
    private static final String COLUMNS = "id, owner_id, title, description, priority, status, due_at, remind_at, tags,"
            + " recurrence, version, created_at, updated_at, completed_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM tasks WHERE id = ? AND owner_id = ?";
    /**
     * A reminder moved to another time (or cleared) is armed again, so it fires at its new time; one that stays put
     * keeps its fired mark. The right-hand side reads the row as it was before this UPDATE.
     */
    private static final String REARM_MOVED_REMINDER =
            " reminder_fired_at = CASE WHEN remind_at = ? THEN reminder_fired_at END";

    private final JdbcOperations jdbc;

    JdbcTaskStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Task> find(UUID ownerId, UUID taskId) {
        return findOne(FIND, ownerId, taskId);
    }

    @Override
    public Optional<Task> findForUpdate(UUID ownerId, UUID taskId) {
        return findOne(FIND + " FOR UPDATE", ownerId, taskId);
    }

    private Optional<Task> findOne(String sql, UUID ownerId, UUID taskId) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, taskId);
            ps.setObject(2, ownerId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public void insert(Task task) {
        jdbc.prepareStatement(
                "INSERT INTO tasks (title, description, priority, status, due_at, remind_at, tags, recurrence,"
                        + " version, updated_at, completed_at, id, owner_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    int next = bindMutable(ps, task);
                    ps.setObject(next, task.id());
                    ps.setObject(next + 1, task.ownerId());
                    Rows.setInstant(ps, next + 2, task.createdAt());
                    return ps.executeUpdate();
                });
        insertTags(task);
    }

    @Override
    public boolean update(Task task) {
        int rows = jdbc.prepareStatement(
                "UPDATE tasks SET title = ?, description = ?, priority = ?, status = ?, due_at = ?, remind_at = ?,"
                        + " tags = ?, recurrence = ?, version = ?, updated_at = ?, completed_at = ?,"
                        + REARM_MOVED_REMINDER
                        + " WHERE id = ? AND owner_id = ? AND version = ?",
                ps -> {
                    int next = bindMutable(ps, task);
                    Rows.setInstant(ps, next, task.details().remindAt());
                    ps.setObject(next + 1, task.id());
                    ps.setObject(next + 2, task.ownerId());
                    ps.setLong(next + 3, task.version() - 1);
                    return ps.executeUpdate();
                });
        if (rows == 0) {
            return false;
        }
        jdbc.prepareStatement("DELETE FROM task_tags WHERE task_id = ?", ps -> {
            ps.setObject(1, task.id());
            return ps.executeUpdate();
        });
        insertTags(task);
        return true;
    }

    @Override
    public boolean delete(UUID ownerId, UUID taskId, long version) {
        return jdbc.prepareStatement("DELETE FROM tasks WHERE id = ? AND owner_id = ? AND version = ?", ps -> {
                    ps.setObject(1, taskId);
                    ps.setObject(2, ownerId);
                    ps.setLong(3, version);
                    return ps.executeUpdate();
                })
                == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public TaskPage list(TaskQuery q) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM tasks t WHERE t.owner_id = ?");
        var params = new ArrayList<Object>(List.of(q.ownerId()));
        if (q.status() != null) {
            sql.append(" AND t.status = ?");
            params.add(q.status().name());
        }
        if (q.priority() != null) {
            sql.append(" AND t.priority = ?");
            params.add(q.priority().name());
        }
        if (q.dueBefore() != null) {
            sql.append(" AND t.due_at < ?");
            params.add(q.dueBefore());
        }
        if (q.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM task_tags g WHERE g.task_id = t.id AND g.tag = ?)");
            params.add(q.tag());
        }
        if (q.text() != null) {
            sql.append(" AND (LOWER(t.title) LIKE ? ESCAPE '\\' OR LOWER(t.description) LIKE ? ESCAPE '\\')");
            String pattern = "%" + likeEscaped(q.text().toLowerCase(Locale.ROOT)) + "%";
            params.add(pattern);
            params.add(pattern);
        }
        if (q.after() != null) {
            sql.append(" AND (t.created_at < ? OR (t.created_at = ? AND t.id < ?))");
            params.add(q.after().createdAt());
            params.add(q.after().createdAt());
            params.add(q.after().id());
        }
        sql.append(" ORDER BY t.created_at DESC, t.id DESC LIMIT ?");
        params.add(q.limit() + 1);
        List<Task> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < params.size(); i++) {
                bind(ps, i + 1, params.get(i));
            }
            var found = new ArrayList<Task>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        });
        if (rows.size() <= q.limit()) {
            return new TaskPage(rows, null);
        }
        var page = rows.subList(0, q.limit());
        return new TaskPage(List.copyOf(page), TaskCursor.of(page.get(page.size() - 1)));
    }

    private void insertTags(Task task) {
        if (task.details().tags().isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO task_tags (task_id, tag) VALUES (?, ?)", ps -> {
            for (String tag : task.details().tags()) {
                ps.setObject(1, task.id());
                ps.setString(2, tag);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Binds the columns a write may change, in the order both INSERT and UPDATE list them; returns the next index. */
    private static int bindMutable(PreparedStatement ps, Task task) throws SQLException {
        TaskDetails d = task.details();
        ps.setString(1, d.title());
        ps.setString(2, d.description());
        ps.setString(3, d.priority().name());
        ps.setString(4, task.status().name());
        Rows.setInstant(ps, 5, d.dueAt());
        Rows.setInstant(ps, 6, d.remindAt());
        ps.setString(7, String.join(",", d.tags()));
        ps.setString(8, d.recurrence() == null ? null : d.recurrence().toString());
        ps.setLong(9, task.version());
        Rows.setInstant(ps, 10, task.updatedAt());
        Rows.setInstant(ps, 11, task.completedAt());
        return 12;
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof java.time.Instant at) {
            Rows.setInstant(ps, index, at);
        } else {
            ps.setObject(index, value);
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Task read(ResultSet rs) throws SQLException {
        String tags = rs.getString("tags");
        String recurrence = rs.getString("recurrence");
        var details = new TaskDetails(
                rs.getString("title"),
                rs.getString("description"),
                Priority.valueOf(rs.getString("priority")),
                Rows.instant(rs, "due_at"),
                Rows.instant(rs, "remind_at"),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                recurrence == null ? null : RecurrenceRule.parse(recurrence));
        return new Task(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "owner_id"),
                details,
                TaskStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "completed_at"));
    }
}
