package io.taskflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of the test JVM's own on the PostgreSQL at 127.0.0.1:5432 (trust auth), created fresh and dropped when
 * the JVM exits, so test runs never see each other's rows.
 */
public final class PostgresTestDatabase {
    public static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String USER = "postgres";

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>_<millis>_<pid>}; the prefix says which suite it belongs to. */
    public static PostgresTestDatabase create(String prefix) {
        var db = new PostgresTestDatabase(prefix + "_" + System.currentTimeMillis() + "_"
                + ProcessHandle.current().pid());
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            c.createStatement().execute("CREATE DATABASE " + db.name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + db.name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(db::drop));
        return db;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    private void drop() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
