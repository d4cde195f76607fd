package io.taskflow.functions.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's side of the append-only rule (PostgreSQL has a PL/pgSQL trigger): called by the database before any UPDATE or
 * DELETE of an {@code audit_log} row, and refuses it. Created by migration {@code h2/V4_1}.
 */
public final class AuditLogAppendOnly implements Trigger {
    /** The SQLSTATE PostgreSQL's trigger raises too: insufficient privilege. */
    static final String SQL_STATE = "42501";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(
                "audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is not allowed", SQL_STATE);
    }
}
