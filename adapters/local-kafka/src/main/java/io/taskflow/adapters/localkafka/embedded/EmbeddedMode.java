package io.taskflow.adapters.localkafka.embedded;

import io.taskflow.functions.persistence.Migrations;
import io.taskflow.kafka.records.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.Map;

/**
 * The zero-install mode: a Kafka broker in this JVM and an H2 database on disk (PostgreSQL mode), both under one data
 * directory. Returns the properties that point the application at them.
 */
public final class EmbeddedMode implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;
    private final Path dataDir;

    private EmbeddedMode(Path dataDir, int kafkaPort, int controllerPort) {
        this.dataDir = dataDir;
        this.broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort);
    }

    public static EmbeddedMode start(Path dataDir, int kafkaPort, int controllerPort) {
        var mode = new EmbeddedMode(dataDir.toAbsolutePath(), kafkaPort, controllerPort);
        mode.broker.start();
        return mode;
    }

    public Map<String, Object> properties() {
        return Map.of(
                "kafka.bootstrap.servers",
                broker.bootstrapServers(),
                "datasources.default.url",
                h2Url(dataDir.resolve("db").resolve("taskflow")),
                "datasources.default.driver-class-name",
                "org.h2.Driver",
                "datasources.default.username",
                "sa",
                "datasources.default.password",
                "",
                "flyway.datasources.default.locations",
                Migrations.H2,
                "taskflow.security.generate-secret-if-missing",
                true);
    }

    /**
     * H2 in PostgreSQL mode, with PostgreSQL's lower-case identifiers and NULL ordering; the connection pool, not H2's
     * own shutdown hook, closes the database, so in-flight work finishes first. The {@code retry:} file system reopens
     * the file when a thread is interrupted in the middle of a read or write (consumer threads are, at shutdown):
     * plain file channels close on interrupt, and a write cut that way can corrupt the store.
     */
    public static String h2Url(Path file) {
        return "jdbc:h2:retry:" + file.toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.stop();
    }
}
