package io.taskflow.adapters.localkafka.embedded;

import io.taskflow.functions.persistence.Migrations;
import io.taskflow.kafka.records.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
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
        var properties = new HashMap<String, Object>(Map.of(
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
                true));
        if (System.getenv("TASKFLOW_SECRET_ENCRYPTION_KEY") == null
                && System.getenv("TASKFLOW_SECRET_ENCRYPTION_KEY_FILE") == null) {
            properties.put(
                    "taskflow.secret.encryption-key-file", encryptionKeyFile().toString());
        }
        return properties;
    }

    /**
     * The data-encryption key of this data directory, made on the first start: values encrypted in the database stay
     * readable across restarts, and the key lives and goes with the data it protects (owner-only permissions).
     */
    private Path encryptionKeyFile() {
        Path file = dataDir.resolve("secrets").resolve("encryption-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the directory's own protection applies.
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the encryption key under " + file.getParent(), e);
        }
    }

    /**
     * H2 in PostgreSQL mode, with PostgreSQL's lower-case identifiers and NULL ordering; the connection pool, not H2's
     * own shutdown hook, closes the database, so in-flight work finishes first. The {@code retry:} file system reopens
     * the file when a thread is interrupted in the middle of a read or write (consumer threads are, at shutdown):
     * plain file channels close on interrupt, and a write cut that way can corrupt the store. {@code MAX_COMPACT_TIME=0}
     * turns off the compaction H2 runs when the database closes: in H2 2.3.232 its chunk moving can fail an internal
     * assertion half-way and leave a file the next start cannot read ("File corrupted while reading record"), which the
     * integration tests, closing and reopening the file once per test class, hit. The store still compacts itself in
     * the background while it runs.
     */
    public static String h2Url(Path file) {
        return "jdbc:h2:retry:" + file.toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"
                + ";MAX_COMPACT_TIME=0";
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.stop();
    }
}
