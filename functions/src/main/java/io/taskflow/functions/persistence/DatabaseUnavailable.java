package io.taskflow.functions.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the database being away (no connection from the pool in time, a connection refused, reset or
 * terminated by the server) from a failure of the work itself. The first says nothing about the request or the event
 * being handled: the HTTP layer answers 503 and consumers wait for the database instead of counting an attempt.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {}

    /** True when {@code failure} or one of its causes says the database could not be reached or dropped us. */
    public static boolean isCause(Throwable failure) {
        return isCause(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Causes and suppressed ones: a failed rollback on a dead connection often hides the failure that killed it. */
    private static boolean isCause(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException
                || (t instanceof SQLException sql && (connectionState(sql.getSQLState()) || closedByPool(sql)))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isCause(suppressed, seen)) {
                return true;
            }
        }
        return isCause(t.getCause(), seen);
    }

    /**
     * Hikari's answer to any use of a connection it has already evicted as broken (it gives no SQLSTATE): what the
     * rollback or cleanup after a dropped connection meets.
     */
    private static boolean closedByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * SQLSTATE class 08 (connection exception), and PostgreSQL's 57P01–57P03: the server terminated the session
     * ({@code pg_terminate_backend}, a shutdown) or is starting and cannot take it yet.
     */
    private static boolean connectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
