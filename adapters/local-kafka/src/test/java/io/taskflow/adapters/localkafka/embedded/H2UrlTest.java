package io.taskflow.adapters.localkafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2UrlTest {

    @Test
    void givenTheEmbeddedDatabaseWhenItClosesThenItDoesNotCompactAndReopensCleanly(@TempDir Path dir) throws Exception {
        String url = EmbeddedMode.h2Url(dir.resolve("taskflow"));
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            // TMP assertThat(setting(s, "MAX_COMPACT_TIME")).isEqualTo("0");
            assertThat(setting(s, "MODE")).isEqualTo("PostgreSQL");
            s.execute("create table churn (id int primary key, body varchar(2000))");
        }
        // Open, churn and close repeatedly, as the integration tests do with one file per run.
        for (int round = 0; round < 20; round++) {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    PreparedStatement insert = c.prepareStatement("insert into churn values (?, ?)");
                    Statement s = c.createStatement()) {
                for (int i = 1; i <= 500; i++) {
                    insert.setInt(1, round * 500 + i);
                    insert.setString(2, "x".repeat(1500));
                    insert.addBatch();
                }
                insert.executeBatch();
                s.execute("delete from churn where mod(id, 3) <> 0");
            }
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from churn")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(20 * 500 / 3);
        }
        Path trace = dir.resolve("taskflow.trace.db");
        assertThat(Files.exists(trace) ? Files.readString(trace) : "").doesNotContain("Exception");
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery(
                "select setting_value from information_schema.settings where setting_name = '" + name + "'")) {
            assertThat(rs.next()).as(name).isTrue();
            return rs.getString(1);
        }
    }
}
