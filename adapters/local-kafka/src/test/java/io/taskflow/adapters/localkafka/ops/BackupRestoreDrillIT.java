package io.taskflow.adapters.localkafka.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.testing.AdminTokens;
import io.taskflow.adapters.localkafka.testing.Api;
import io.taskflow.adapters.localkafka.testing.TestStack;
import io.taskflow.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The disaster-recovery drill on real PostgreSQL, with the operator's scripts: data written through the API and its
 * consumers, backed up with ops/backup.sh, the database dropped, restored with ops/restore.sh, and every table
 * compared row for row; then the analytics read model rebuilt from the audit trail gives the same numbers. The
 * times of the backup and the restore go to target/drill-timings.txt (docs/runbooks/disaster-recovery.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreDrillIT {
    private static final String DB = "taskflow_drill";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
    private static final Map<String, String> PG = Map.of("PGDATABASE", DB);

    private static Path backups;
    private static DatabaseSnapshot before;
    /** The live consumer's counters after seeding: tasks created, completed, completions timed. */
    private static List<Long> counters;

    private static List<String> versionsBefore;

    private static Path dump;

    @BeforeAll
    static void seed() throws Exception {
        backups = Files.createTempDirectory("taskflow-backups");
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        admin("CREATE DATABASE " + DB);
        try (EmbeddedServer server = startApp()) {
            var api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
            for (int u = 0; u < 3; u++) {
                Api.User user = api.newUser();
                for (int t = 0; t < 8; t++) {
                    String body = "{\"title\":\"drill " + u + "-" + t + "\",\"dueAt\":\""
                            + Instant.now().plus(Duration.ofDays(t - 3)) + "\",\"tags\":[\"drill\"]}";
                    String id = api.post("/tasks", user, body).text("id");
                    if (t % 3 == 0) {
                        api.post("/tasks/" + id + "/complete", user, null);
                    } else if (t % 4 == 1) {
                        api.send("DELETE", "/tasks/" + id, user.token(), null);
                    } else {
                        api.send("PATCH", "/tasks/" + id, user.token(), "{\"priority\":\"HIGH\"}");
                    }
                }
            }
            // Every event this database wrote is audited and has reached analytics.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> pending() == 0);
        }
        try (Connection c = open()) {
            before = DatabaseSnapshot.of(c);
            counters = counters(c);
            versionsBefore = taskVersions(c);
        }
    }

    private static List<String> taskVersions(Connection c) throws SQLException {
        var versions = new java.util.ArrayList<String>();
        try (var rs = c.createStatement()
                .executeQuery("SELECT task_id, owner_id, version FROM analytics_tasks ORDER BY task_id")) {
            while (rs.next()) {
                versions.add(rs.getString(1) + " " + rs.getString(2) + " v" + rs.getLong(3));
            }
        }
        return versions;
    }

    private static List<Long> counters(Connection c) throws SQLException {
        try (var rs = c.createStatement()
                .executeQuery("SELECT coalesce(sum(created), 0), coalesce(sum(completed), 0),"
                        + " coalesce(sum(completion_count), 0) FROM analytics_daily")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    @AfterAll
    static void dropDrillDatabase() throws Exception {
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    @Test
    @Order(1)
    void givenADatabaseInUseWhenItIsBackedUpDroppedAndRestoredThenEveryRowOfEveryTableIsBack() throws Exception {
        // 24 tasks made, 6 of them deleted (a deletion removes the row; the trail keeps its events).
        assertThat(before.rows("tasks")).isEqualTo(18);
        assertThat(before.rows("audit_log")).isGreaterThanOrEqualTo(3 * 2 + 24 * 2);
        assertThat(before.rows("analytics_tasks")).isPositive();

        OpsScript.Run backup = OpsScript.run("backup.sh", PG, backups.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        try (var files = Files.list(backups)) {
            dump = files.filter(f -> f.toString().endsWith(".dump")).findFirst().orElseThrow();
        }
        assertThat(dump.getFileName().toString()).matches("taskflow-" + DB + "-\\d{8}T\\d{6}Z\\.dump");
        assertThat(Path.of(dump + ".sha256")).exists();

        admin("DROP DATABASE " + DB + " WITH (FORCE)");
        OpsScript.Run restore = OpsScript.run("restore.sh", PG, dump.toString(), DB);
        assertThat(restore.exitCode()).as(restore.output()).isZero();

        try (Connection c = open()) {
            DatabaseSnapshot after = DatabaseSnapshot.of(c);
            assertThat(after.tables().keySet()).isEqualTo(before.tables().keySet());
            assertThat(after).isEqualTo(before);
        }
        recordTimings(backup, restore);
    }

    @Test
    @Order(2)
    void givenABackupThatChangedAfterItWasTakenWhenRestoredThenItIsRefusedAndNothingIsTouched() throws Exception {
        Path tampered = backups.resolve("tampered.dump");
        Files.copy(dump, tampered);
        Files.copy(Path.of(dump + ".sha256"), Path.of(tampered + ".sha256"));
        Files.write(tampered, new byte[] {42}, StandardOpenOption.APPEND);

        OpsScript.Run refused = OpsScript.run("restore.sh", Map.of(), tampered.toString(), "taskflow_drill_tampered");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(3);
        assertThat(refused.output()).contains("does not match its checksum");
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.ADMIN_URL, "postgres", "");
                var rs = c.createStatement()
                        .executeQuery("SELECT 1 FROM pg_database WHERE datname = 'taskflow_drill_tampered'")) {
            assertThat(rs.next()).isFalse();
        }

        OpsScript.Run overwrite = OpsScript.run("restore.sh", PG, dump.toString(), DB);
        assertThat(overwrite.exitCode())
                .as("a database in use is not replaced unasked")
                .isEqualTo(4);
    }

    @Test
    @Order(3)
    void givenTheRestoredDatabaseWhenAnalyticsIsRebuiltFromTheAuditTrailThenItHoldsTheSameNumbers() throws Exception {
        try (Connection c = open()) {
            c.createStatement().execute("DELETE FROM analytics_daily");
            c.createStatement().execute("UPDATE analytics_tasks SET version = 0, completed_at = NULL");
        }
        try (EmbeddedServer server = startApp()) {
            var api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
            var rebuilt = api.send(
                    "POST", "/admin/analytics/rebuild", AdminTokens.admin(server.getApplicationContext()), null);
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(((Number) rebuilt.map().get("replayed")).longValue()).isGreaterThanOrEqualTo(24 * 2);

            var user =
                    api.send("POST", "/admin/analytics/rebuild", api.newUser().token(), null);
            assertThat(user.status()).as("only administrators rebuild").isEqualTo(403);
        }
        try (Connection c = open()) {
            assertThat(DatabaseSnapshot.of(c, List.of("analytics_tasks"))).isEqualTo(before.only("analytics_tasks"));
            // Every task counted once as created (24) and each completion once (9), whatever order the live
            // consumer happened to receive a task's events in.
            assertThat(counters(c)).isEqualTo(List.of(24L, 9L, 9L));
            if (counters.equals(List.of(24L, 9L, 9L))) {
                assertThat(DatabaseSnapshot.of(c, List.of("analytics_daily")))
                        .as("the live consumer counted every event: the rebuild gives its very numbers")
                        .isEqualTo(before.only("analytics_daily"));
            }
        }
    }

    private static EmbeddedServer startApp() {
        Map<String, Object> properties = TestStack.get().properties();
        properties.put("datasources.default.url", URL);
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.remove("flyway.datasources.default.locations");
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** Events of this database not yet in the audit trail, plus task events analytics has not processed. */
    private static long pending() throws SQLException {
        try (Connection c = open();
                var rs = c.createStatement()
                        .executeQuery("SELECT (SELECT count(*) FROM outbox o WHERE NOT EXISTS"
                                + " (SELECT 1 FROM audit_log a WHERE a.event_id = o.event_id))"
                                + " + (SELECT count(*) FROM outbox o WHERE o.event_type LIKE 'task.%' AND NOT EXISTS"
                                + " (SELECT 1 FROM inbox i WHERE i.consumer = 'analytics'"
                                + " AND i.event_id = CAST(o.event_id AS VARCHAR)))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void recordTimings(OpsScript.Run backup, OpsScript.Run restore) throws IOException {
        long size = Files.size(dump);
        long rows = before.tables().values().stream()
                .mapToLong(DatabaseSnapshot.Table::rows)
                .sum();
        String line = String.format(
                "backup %d ms, restore %d ms, dump %d bytes, %d rows in %d tables%n",
                backup.took().toMillis(),
                restore.took().toMillis(),
                size,
                rows,
                before.tables().size());
        System.out.print("disaster-recovery drill: " + line);
        Files.writeString(Path.of("target", "drill-timings.txt"), line);
    }

    private static Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.ADMIN_URL, "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }
}
