package io.taskflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness's smoke run: every step for a few seconds against the real application, PostgreSQL and broker, so the
 * benchmark keeps working. It checks that each figure was measured, not how fast anything was.
 */
class HarnessSmokeTest {

    @Test
    void aSmokeRunMeasuresEveryStepAndWritesTheReport() throws Exception {
        assumeTrue(
                "true".equals(System.getenv("CI")) || onPath("wrk"),
                "wrk is not installed (CI installs it); skipped outside CI");
        Path root = Path.of("").toAbsolutePath().getParent();
        var harness = new Harness(root, Profile.SMOKE, false);

        Path markdown = harness.run(root.resolve("bench/target/smoke"));

        Report report = harness.report();
        assertThat(report.value("write-path limit (pgbench)", "create transactions/s"))
                .isPositive();
        assertThat(report.value("broker limit (Kafka ProducerPerformance)", "records/s"))
                .isPositive();
        for (String mode : List.of("external mode (PostgreSQL + Kafka)", "embedded mode (H2 + in-JVM Kafka)")) {
            assertThat(report.value("API closed loop, " + mode, "POST /tasks throughput"))
                    .isPositive();
            assertThat(report.value("API closed loop, " + mode, "GET /tasks throughput"))
                    .isPositive();
            assertThat(report.value("API closed loop, " + mode, "POST /tasks non-2xx or failed"))
                    .isZero();
            assertThat(report.value("API open loop, " + mode, "POST /tasks answered 201"))
                    .isPositive();
            assertThat(report.value("API open loop, " + mode, "POST /tasks failed"))
                    .isZero();
        }
        assertThat(report.value("event delivery, external mode", "commit → audit effect p99"))
                .isPositive();
        assertThat(report.value("event delivery, external mode", "events lost or duplicated, open loop"))
                .isZero();
        assertThat(report.value("event delivery, external mode", "events lost or duplicated, sustained steps"))
                .isZero();
        assertThat(report.value("concurrent users, external mode (PostgreSQL + Kafka)", "live-feed sockets open"))
                .isEqualTo(Profile.SMOKE.users());
        assertThat(report.value("concurrent users, external mode (PostgreSQL + Kafka)", "failed requests"))
                .isZero();
        assertThat(report.value("cold start, aws (median of 1)", "first invocation"))
                .isPositive();
        assertThat(report.targets()).hasSize(5);
        assertThat(markdown).exists();
        assertThat(Files.readString(markdown)).contains("## Targets", "pgbench", "ProducerPerformance", "wrk -t2");
        assertThat(Path.of(markdown.toString().replace(".md", ".json"))).exists();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
