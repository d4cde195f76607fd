package io.taskflow.adapters.localkafka.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.taskflow.adapters.localkafka.embedded.EmbeddedMode;
import io.taskflow.functions.persistence.Migrations;
import io.taskflow.kafka.records.EmbeddedKafkaBroker;
import io.taskflow.testsupport.FreePorts;
import io.taskflow.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What every integration test of this JVM shares: one real Kafka broker, started once, and one fresh database for the
 * run — PostgreSQL on 127.0.0.1:5432 by default, or H2 in PostgreSQL mode with {@code -Dtaskflow.it.db=h2}.
 */
public final class TestStack {
    private static TestStack instance;

    private final Path workDir;
    private final EmbeddedKafkaBroker broker;
    private final String dbUrl;
    private final String dbUser;

    private TestStack() throws IOException {
        workDir = Files.createTempDirectory("taskflow-it");
        broker = new EmbeddedKafkaBroker(workDir.resolve("kafka"), FreePorts.free(), FreePorts.free()).start();
        if (isH2()) {
            dbUrl = EmbeddedMode.h2Url(workDir.resolve("db").resolve("taskflow"));
            dbUser = "sa";
        } else {
            dbUrl = PostgresTestDatabase.create("taskflow_it").url();
            dbUser = PostgresTestDatabase.USER;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            try {
                instance = new TestStack();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public static boolean isH2() {
        return "h2".equals(System.getProperty("taskflow.it.db", "postgres"));
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public Path workDir() {
        return workDir;
    }

    /** Properties that point a Taskflow application at this stack. */
    public Map<String, Object> properties() {
        var p = new HashMap<String, Object>();
        p.put("micronaut.server.port", -1);
        p.put("kafka.bootstrap.servers", broker.bootstrapServers());
        p.put("datasources.default.url", dbUrl);
        p.put("datasources.default.username", dbUser);
        p.put("datasources.default.password", "");
        p.put("datasources.default.driver-class-name", isH2() ? "org.h2.Driver" : "org.postgresql.Driver");
        if (isH2()) {
            p.put("flyway.datasources.default.locations", Migrations.H2);
        }
        p.put("taskflow.secret.jwt-signing-secret", "integration-tests-signing-secret-0123456789abcdef");
        p.put("taskflow.secret.encryption-key", "aW50ZWdyYXRpb24tdGVzdHMtZW5jcnlwdGlvbi1rZXk=");
        p.put("taskflow.outbox.poll-interval", "200ms");
        return p;
    }

    public EmbeddedServer startApp() {
        return ApplicationContext.run(EmbeddedServer.class, properties());
    }

    /** An application whose Kafka consumers are off: the test hands the events to the consumers itself. */
    public EmbeddedServer startAppWithoutConsumers() {
        var p = properties();
        p.put("taskflow.consumers.enabled", "none");
        return ApplicationContext.run(EmbeddedServer.class, p);
    }

    public Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, "");
    }
}
