package io.taskflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A benchmark database on the local PostgreSQL, made afresh for each run. */
record Database(String host, int port, String user, String name) {

    static Database fresh(String name) {
        var db = new Database("127.0.0.1", 5432, "postgres", name);
        try (Connection admin = DriverManager.getConnection(db.url("postgres"), db.user, "");
                var st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the database " + name + ": " + e.getMessage(), e);
        }
        return db;
    }

    String jdbcUrl() {
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, "");
    }

    long count(String sql, Object... args) {
        return single(sql, args) instanceof Number n ? n.longValue() : 0;
    }

    Object single(String sql, Object... args) {
        List<List<Object>> rows = query(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    List<List<Object>> query(String sql, Object... args) {
        try (Connection c = connect();
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                var rows = new ArrayList<List<Object>>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    var row = new ArrayList<Object>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql, Object... args) {
        try (Connection c = connect();
                var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
