package io.taskflow.adapters.localkafka.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a database holds, table by table: the row count and a checksum of every row's content (md5 over the rows in
 * a fixed order), so two databases compare equal only when every row is back exactly.
 */
record DatabaseSnapshot(Map<String, Table> tables) {
    record Table(long rows, String checksum) {}

    static DatabaseSnapshot of(Connection c) throws SQLException {
        return of(c, tables(c));
    }

    static DatabaseSnapshot of(Connection c, List<String> names) throws SQLException {
        var tables = new TreeMap<String, Table>();
        for (String table : names) {
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)),"
                            + " '-') FROM " + table + " t")) {
                rs.next();
                tables.put(table, new Table(rs.getLong(1), rs.getString(2)));
            }
        }
        return new DatabaseSnapshot(tables);
    }

    DatabaseSnapshot only(String... names) {
        var kept = new TreeMap<String, Table>();
        for (String name : names) {
            kept.put(name, tables.get(name));
        }
        return new DatabaseSnapshot(kept);
    }

    long rows(String table) {
        return tables.get(table).rows();
    }

    private static List<String> tables(Connection c) throws SQLException {
        var names = new ArrayList<String>();
        try (var rs = c.createStatement()
                .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
