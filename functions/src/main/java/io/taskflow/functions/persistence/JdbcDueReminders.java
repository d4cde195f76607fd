package io.taskflow.functions.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.taskflow.core.port.DueReminders;
import io.taskflow.core.reminder.DueReminder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Due reminders straight from the tasks table. "Due" is the database's {@code CURRENT_TIMESTAMP}, never this JVM's
 * clock; {@code SKIP LOCKED} lets concurrent sweepers take disjoint batches. A deleted task has no row, so its reminder
 * can never fire.
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcDueReminders implements DueReminders {
    private static final String CLAIM = "SELECT id, owner_id, version, remind_at, title FROM tasks"
            + " WHERE remind_at <= CURRENT_TIMESTAMP AND reminder_fired_at IS NULL AND status <> 'COMPLETED'"
            + " ORDER BY remind_at LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK = "UPDATE tasks SET reminder_fired_at = CURRENT_TIMESTAMP"
            + " WHERE id = ? AND remind_at = ? AND reminder_fired_at IS NULL";

    private final JdbcOperations jdbc;

    JdbcDueReminders(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueReminder> claimDue(int limit) {
        return jdbc.prepareStatement(CLAIM, ps -> {
            ps.setInt(1, limit);
            var due = new ArrayList<DueReminder>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new DueReminder(
                            Rows.uuid(rs, "id"),
                            Rows.uuid(rs, "owner_id"),
                            rs.getLong("version"),
                            Rows.instant(rs, "remind_at"),
                            rs.getString("title")));
                }
            }
            return due;
        });
    }

    @Override
    public boolean markFired(DueReminder reminder) {
        return jdbc.prepareStatement(MARK, ps -> {
                    ps.setObject(1, reminder.taskId());
                    Rows.setInstant(ps, 2, reminder.remindAt());
                    return ps.executeUpdate();
                })
                == 1;
    }
}
