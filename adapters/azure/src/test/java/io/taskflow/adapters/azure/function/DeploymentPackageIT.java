package io.taskflow.adapters.azure.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.annotation.EventHubTrigger;
import io.taskflow.testsupport.PostgresTestDatabase;
import io.taskflow.testsupport.RepoRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Runs after packaging, on what is deployed: the zip holds the host file, a manifest per function and the jar, and
 * that jar, in a JVM of its own with only the worker's library beside it (as the Java worker runs it), starts the app
 * and handles a captured Event Hubs batch against PostgreSQL, and an HTTP request.
 */
class DeploymentPackageIT {
    private static final Path JAR = Path.of("target", "taskflow-azure.jar");

    @Test
    void thePackageHoldsTheHostFileAManifestPerFunctionAndTheJar() throws Exception {
        try (var zip = new ZipFile(Path.of("target", "taskflow-azure.zip").toFile())) {
            assertThat(zip.getEntry("host.json")).isNotNull();
            assertThat(zip.getEntry("taskflow-azure.jar")).isNotNull();
            for (String function : FunctionCatalog.functions().keySet()) {
                assertThat(zip.getEntry(function + "/function.json"))
                        .as(function)
                        .isNotNull();
            }
        }
    }

    @Test
    void theJarAloneStartsTheAppAndHandlesACapturedBatchThroughTheReplay() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.create("taskflow_azure_package");
        Path payload = RepoRoot.path("adapters/azure/src/test/resources/bindings/eventhubs-audit-task-created.json");

        String output = replay(payload, database);

        assertThat(output).contains("replay function=audit-task-created");
        try (Connection db = database.open();
                var rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM audit_log")) {
            rows.next();
            assertThat(rows.getInt(1)).as(output).isEqualTo(2);
        }
    }

    @Test
    void theJarAloneServesTheApiThroughTheHttpTrigger(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.create("taskflow_azure_package_http");
        Path payload = java.nio.file.Files.writeString(
                dir.resolve("liveness.json"),
                "{\"function\":\"api\",\"method\":\"GET\",\"path\":\"/health/liveness\"}");

        String output = replay(payload, database);

        assertThat(output).contains("200 ").contains("replay function=api");
    }

    /** Runs the replay of the payload from the packaged jar in a JVM of its own; what it printed. */
    private static String replay(Path payload, PostgresTestDatabase database) throws Exception {
        // The worker's libraries: the annotations, and the core types (ExecutionContext, HttpRequestMessage, …).
        String libraries = location(EventHubTrigger.class)
                + java.io.File.pathSeparator
                + location(com.microsoft.azure.functions.ExecutionContext.class);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                JAR.toAbsolutePath() + java.io.File.pathSeparator + libraries,
                "io.taskflow.adapters.azure.replay.Replay",
                payload.toString());
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("TASKFLOW_DB_URL", database.url());
        process.environment().put("TASKFLOW_DB_USER", PostgresTestDatabase.USER);
        process.environment().put("TASKFLOW_SECRET_JWT_SIGNING_SECRET", "package-test-signing-secret-0123456789abcdef");
        process.environment().put("TASKFLOW_SECRET_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

        Process replay = process.start();
        String output = new String(replay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = replay.waitFor(120, TimeUnit.SECONDS);

        assertThat(finished).as(output).isTrue();
        assertThat(replay.exitValue()).as(output).isZero();
        return output;
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
